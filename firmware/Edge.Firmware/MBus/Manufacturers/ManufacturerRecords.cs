namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Manufacturer codes (EN 13757-3 §6.2.2: three letters, 5 bits each, 'A' = 1) of the layouts decoded here, and
/// helpers that add the records a manufacturer layout stands for, marked <see cref="MBusRecord.FromManufacturerData"/>.
/// </summary>
internal static class ManufacturerRecords
{
    /// <summary>APA: Apator.</summary>
    public const int Apa = (('A' - 64) << 10) | (('P' - 64) << 5) | ('A' - 64);

    /// <summary>DME: Diehl Metering.</summary>
    public const int Dme = (('D' - 64) << 10) | (('M' - 64) << 5) | ('E' - 64);

    /// <summary>EWT: Elin Wasserwerkstechnik (Diehl group).</summary>
    public const int Ewt = (('E' - 64) << 10) | (('W' - 64) << 5) | ('T' - 64);

    /// <summary>HYD: Hydrometer (Diehl group).</summary>
    public const int Hyd = (('H' - 64) << 10) | (('Y' - 64) << 5) | ('D' - 64);

    /// <summary>SAP: Sappel (Diehl group).</summary>
    public const int Sap = (('S' - 64) << 10) | (('A' - 64) << 5) | ('P' - 64);

    /// <summary>SPL: Sappel, older code (Diehl group).</summary>
    public const int Spl = (('S' - 64) << 10) | (('P' - 64) << 5) | ('L' - 64);

    /// <summary>QDS: Qundis.</summary>
    public const int Qds = (('Q' - 64) << 10) | (('D' - 64) << 5) | ('S' - 64);

    /// <summary>ZRI: Zenner.</summary>
    public const int Zri = (('Z' - 64) << 10) | (('R' - 64) << 5) | ('I' - 64);

    /// <summary>
    /// Adds a volume record (m³ × 10^<paramref name="exponent"/>) that stands for manufacturer data at
    /// <paramref name="offset"/>; false with the telegram's error set when the record pool is full.
    /// </summary>
    public static bool Volume(MBusTelegram t, int offset, int length, long mantissa, int exponent, int storage)
    {
        var r = t.NextRecord(offset);
        if (r == null)
        {
            return t.Fail("too many records");
        }

        Mark(r, offset, length, storage, 0x13);
        r.Kind = MBusValueKind.Decimal;
        r.Mantissa = mantissa;
        PrimaryVifTable.Set(r, MBusQuantity.Volume, MBusUnit.CubicMetre, exponent);
        return true;
    }

    /// <summary>Adds a volume record of BCD digits (litres) at <paramref name="offset"/>, or an invalid-BCD record.</summary>
    public static bool BcdLitres(MBusTelegram t, int offset, int length, int storage)
    {
        long value;
        if (!DataFieldReader.Bcd(t.Buffer, offset, length, out value))
        {
            if (!Volume(t, offset, length, 0, -3, storage))
            {
                return false;
            }

            t.GetRecord(t.RecordCount - 1).Kind = MBusValueKind.InvalidBcd;
            return true;
        }

        return Volume(t, offset, length, value, -3, storage);
    }

    /// <summary>Adds a date record (type G at <paramref name="offset"/>) for storage <paramref name="storage"/>.</summary>
    public static bool DateG(MBusTelegram t, int offset, int storage)
    {
        var r = t.NextRecord(offset);
        if (r == null)
        {
            return t.Fail("too many records");
        }

        Mark(r, offset, 2, storage, 0x6C);
        r.DataField = 0x2;
        r.Dif = (r.Dif & 0xF0) | 0x2;
        PrimaryVifTable.Set(r, MBusQuantity.Date, MBusUnit.None, 0);
        r.Kind = MBusValueKind.Date;
        r.Mantissa = MBusDateTime.Date(t.Buffer[offset], t.Buffer[offset + 1]);
        return true;
    }

    /// <summary>Adds a record for a plain number (no standard quantity), e.g. a manufacturer status word.</summary>
    public static MBusRecord? Plain(MBusTelegram t, int offset, int length, string quantity, string unit, long mantissa, int exponent)
    {
        var r = t.NextRecord(offset);
        if (r == null)
        {
            t.Fail("too many records");
            return null;
        }

        Mark(r, offset, length, 0, -1);
        r.Kind = MBusValueKind.Decimal;
        r.Mantissa = mantissa;
        PrimaryVifTable.Set(r, quantity, unit, exponent);
        return r;
    }

    /// <summary>Little-endian unsigned integer of up to 4 bytes.</summary>
    public static long U32(byte[] b, int offset, int length) => DataFieldReader.UnsignedInteger(b, offset, length);

    /// <summary>Big-endian 32 bits as an unsigned value.</summary>
    public static uint U32Be(byte[] b, int offset) =>
        (uint)((b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3]);

    private static void Mark(MBusRecord r, int offset, int length, int storage, int vif)
    {
        // The standard record it is equivalent to: DIF 0x04 (32-bit) or 0x44 (storage 1), more storage bits in a DIFE.
        r.FromManufacturerData = true;
        r.DataOffset = offset;
        r.DataLength = length;
        r.StorageNumber = storage;
        r.DataField = 0x4;
        r.Dif = 0x04 | ((storage & 1) << 6) | (storage > 1 ? 0x80 : 0);
        r.VifCode = vif;
    }
}
