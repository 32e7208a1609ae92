namespace Edge.Firmware.MBus;

/// <summary>
/// The fixed data structure of a wired response with CI 0x73 (EN 1434-3:1997 §6.4, kept in the M-Bus
/// documentation §6.2 after EN 13757-3 dropped it): ID (4, BCD), access number, status, medium and units (2),
/// counter 1 (4), counter 2 (4). Status bit 7 says the counters are binary (1) or BCD (0); bit 6 says they
/// are stored values of a fixed date (1) or actual values (0).
/// </summary>
internal static class FixedDataParser
{
    /// <summary>Bytes of the structure after the CI field.</summary>
    public const int Length = 16;

    /// <summary>Unit code 0x3E of counter 2: the unit of counter 1, but a historic (stored) value.</summary>
    private const int SameUnitHistoric = 0x3E;

    /// <summary>Parses the 16 bytes at <paramref name="i"/> into the header fields and two records.</summary>
    public static bool Parse(MBusTelegram t, int i, int end)
    {
        if (end - i != Length)
        {
            return t.Fail("fixed data structure (CI 0x73) must be 16 bytes, got " + (end - i).ToString());
        }

        var b = t.Buffer;
        t.IdRaw = (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
        t.AccessNumber = b[i + 4];
        t.Status = b[i + 5];

        // Medium: bits 6-7 of the first unit byte are medium bits 0-1, of the second medium bits 2-3; the
        // codes are those of the device type table (0x07 water, 0x04 heat, ...).
        var unit1 = b[i + 6] & 0x3F;
        var unit2 = b[i + 7] & 0x3F;
        t.DeviceType = ((b[i + 7] >> 6) << 2) | (b[i + 6] >> 6);
        var binary = (t.Status & 0x80) != 0;
        var stored = (t.Status & 0x40) != 0 ? 1 : 0;
        var first = Counter(t, i + 8, binary, unit1, stored);
        if (first == null)
        {
            return false;
        }

        var second = Counter(t, i + 12, binary, unit2 == SameUnitHistoric ? unit1 : unit2, unit2 == SameUnitHistoric ? 1 : stored);
        return second != null;
    }

    private static MBusRecord? Counter(MBusTelegram t, int offset, bool binary, int unit, int storage)
    {
        var r = t.NextRecord(offset);
        if (r == null)
        {
            t.Fail("too many records");
            return null;
        }

        r.DataOffset = offset;
        r.DataLength = 4;
        r.DataField = binary ? 0x04 : 0x0C;
        r.StorageNumber = storage;
        FixedUnitTable.Apply(unit, r);
        var b = t.Buffer;
        if (binary)
        {
            r.Kind = MBusValueKind.Decimal;
            r.Mantissa = (uint)(b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24));
        }
        else
        {
            long bcd;
            r.Kind = DataFieldReader.Bcd(b, offset, 4, out bcd) ? MBusValueKind.Decimal : MBusValueKind.InvalidBcd;
            r.Mantissa = bcd;
        }

        return r;
    }
}
