namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Apator NA-1 water meters (APA, version 0x14, water, CI 0xA0/0xA1), as the wmbusmeters driver apatorna1
/// documents the layout (read, not copied): access number, frame status, then one AES-128-CBC block (IV as
/// security mode 5) whose plain text is 0x2F, the packed volume (32-bit), the meter time (seconds since
/// 2000-01-01, 32-bit), 5 bytes of history, the current and the historic status byte.
/// </summary>
internal static class ApatorNa1
{
    /// <summary>True when the CI at <paramref name="i"/> is an Apator NA-1 payload.</summary>
    public static bool Is(MBusTelegram t, int i)
    {
        var ci = t.Buffer[i];
        return t.ManufacturerCode == ManufacturerRecords.Apa && t.Version == 0x14 && t.DeviceType == MBusDeviceType.Water
            && (ci == 0xA0 || ci == 0xA1);
    }

    /// <summary>
    /// Decodes an Apator NA-1 payload (CI at <paramref name="i"/>): decrypts its AES block with the meter's key
    /// and adds the volume and the meter time; the status bytes become meter flags.
    /// </summary>
    public static bool Decode(MBusTelegram t, int i, int end, byte[]? key, WMBusSecurity security, int mField, byte[] aField)
    {
        var b = t.Buffer;
        var block = i + 3;
        if (end - block < 16)
        {
            return t.Fail("Apator NA-1 (CI " + MBusHex.Byte(b[i]) + ") truncated: 16 encrypted bytes needed after access number and status, got " + (end - block).ToString());
        }

        t.AccessNumber = b[i + 1];
        if (!security.DecryptCbcWithIvOfMode5(t, key, mField, aField, block, 16, "Apator NA-1"))
        {
            return false;
        }

        if (b[block] != 0x2F)
        {
            return t.Fail("Apator NA-1: decrypted block does not start with 0x2F (wrong key or tampered frame)");
        }

        t.ManufacturerFormat = "Apator NA-1";
        var raw = ManufacturerRecords.U32(b, block + 1, 4);

        // Packed volume: bits 8-31 and 0-3 form the count (high part × 16 + low nibble), bits 4-5 its power of ten
        // in litres.
        var count = ((raw >> 8) * 16) + (raw & 0x0F);
        if (!ManufacturerRecords.Volume(t, block + 1, 4, count, (int)((raw >> 4) & 0x03) - 3, 0))
        {
            return false;
        }

        var time = ManufacturerRecords.Plain(t, block + 5, 4, MBusQuantity.DateTime, MBusUnit.None, 0, 0);
        if (time == null)
        {
            return false;
        }

        time.VifCode = 0x6D;
        time.Kind = MBusValueKind.DateTime;
        time.Mantissa = SecondsSince2000(ManufacturerRecords.U32(b, block + 5, 4));
        var current = b[block + 14];
        t.ManufacturerStatus = (b[i + 2] << 16) | (current << 8) | b[block + 15];
        ApplyStatus(t, current);
        return true;
    }

    /// <summary>Current status bits: 01 battery low, 02 magnet, 04 disconnected, 08 leak, 10 no change, 20 reverse, 40 max flow.</summary>
    private static void ApplyStatus(MBusTelegram t, int s)
    {
        t.MeterFlags |= (s & 0x01) != 0 ? MeterStatusFlags.LowBattery : 0;
        t.MeterFlags |= (s & 0x06) != 0 ? MeterStatusFlags.Tamper : 0;
        t.MeterFlags |= (s & 0x08) != 0 ? MeterStatusFlags.Leak : 0;
        t.MeterFlags |= (s & 0x10) != 0 ? MeterStatusFlags.NoConsumption : 0;
        t.MeterFlags |= (s & 0x20) != 0 ? MeterStatusFlags.Reverse : 0;
        t.MeterFlags |= (s & 0x40) != 0 ? MeterStatusFlags.FlowAboveQ4 : 0;
    }

    /// <summary>yyyymmddhhmmss of <paramref name="seconds"/> after 2000-01-01 00:00:00.</summary>
    internal static long SecondsSince2000(long seconds)
    {
        var days = seconds / 86400;
        var rest = seconds % 86400;
        var year = 2000;
        while (true)
        {
            var inYear = IsLeap(year) ? 366 : 365;
            if (days < inYear)
            {
                break;
            }

            days -= inYear;
            year++;
        }

        var month = 1;
        while (true)
        {
            var inMonth = DaysIn(year, month);
            if (days < inMonth)
            {
                break;
            }

            days -= inMonth;
            month++;
        }

        var date = (year * 10000L) + (month * 100L) + days + 1;
        return (date * 1000000L) + ((rest / 3600) * 10000L) + ((rest / 60 % 60) * 100L) + (rest % 60);
    }

    private static bool IsLeap(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    private static int DaysIn(int year, int month)
    {
        switch (month)
        {
            case 2: return IsLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11: return 30;
            default: return 31;
        }
    }
}
