namespace Edge.Firmware.MBus;

/// <summary>Date and time types of EN 13757-3 Annex A: G (date), F (date and time), I (with seconds), J (time).</summary>
internal static class MBusDateTime
{
    /// <summary>True when the record's VIF says the data is a point in time.</summary>
    public static bool IsDateQuantity(MBusRecord r) =>
        r.Quantity == MBusQuantity.Date || r.Quantity == MBusQuantity.DateTime
        || r.Quantity == MBusQuantity.TariffStart || r.Quantity == MBusQuantity.BatteryChange;

    /// <summary>Decodes by data field: 2 → type G, 4 → type F, 6 → type I, 3 → type J; false for other fields.</summary>
    public static bool TryDecode(byte[] b, int i, int dataField, MBusRecord r)
    {
        switch (dataField)
        {
            case 0x2:
                r.Kind = MBusValueKind.Date;
                r.Mantissa = Date(b[i], b[i + 1]);
                return true;
            case 0x4:
                // Type F: minute (bits 0-5), hour (bits 0-4), then day/month/year as type G.
                r.Kind = MBusValueKind.DateTime;
                r.Mantissa = (Date(b[i + 2], b[i + 3]) * 1000000L) + ((b[i + 1] & 0x1F) * 10000L) + ((b[i] & 0x3F) * 100L);
                return true;
            case 0x6:
                // Type I: second, minute, hour, then day/month/year as type G.
                r.Kind = MBusValueKind.DateTime;
                r.Mantissa = (Date(b[i + 3], b[i + 4]) * 1000000L) + ((b[i + 2] & 0x1F) * 10000L) + ((b[i + 1] & 0x3F) * 100L) + (b[i] & 0x3F);
                return true;
            case 0x3:
                r.Kind = MBusValueKind.Time;
                r.Mantissa = ((b[i + 2] & 0x1F) * 10000L) + ((b[i + 1] & 0x3F) * 100L) + (b[i] & 0x3F);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Type G as yyyymmdd: day bits 0-4, month bits 0-3 of the second byte, 7-bit year split over both.</summary>
    public static long Date(int lo, int hi)
    {
        var day = lo & 0x1F;
        var month = hi & 0x0F;
        var year = ((lo & 0xE0) >> 5) | ((hi & 0xF0) >> 1);

        // Years 0-80 are 2000-2080, 81-127 are 1981-2027 (the 7-bit year is years since 1900 above 80).
        year += year <= 80 ? 2000 : 1900;
        return (year * 10000L) + (month * 100L) + day;
    }
}
