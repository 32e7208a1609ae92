namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Apator water meters, as the wmbusmeters drivers apator162 and apatorna1 document their layouts (read, not
/// copied):
/// <list type="bullet">
/// <item>Apator 16-2 (APA, version 0x05, device type 6 or 7): a standard mode 5 telegram whose plain payload
/// is manufacturer data after DIF 0x0F: 7 status bytes, then registers (an id byte and a length fixed per id;
/// id 0x10 is the volume in litres, 32-bit LSB first), optional 0xFF padding, and a CRC-16 of EN 13757-4 over
/// everything from the 0x0F on, most significant byte first.</item>
/// <item>Apator NA-1 (APA, version 0x14, water, CI 0xA0/0xA1): access number, frame status, then one AES-128-CBC
/// block (IV as security mode 5) whose plain text is 0x2F, the packed volume (32-bit), the meter time (seconds
/// since 2000-01-01, 32-bit), 5 bytes of history, the current and the historic status byte.</item>
/// </list>
/// </summary>
internal static class ApatorRecords
{
    /// <summary>True for an Apator 16-2.</summary>
    public static bool Is162(MBusTelegram t) =>
        t.ManufacturerCode == ManufacturerRecords.Apa && t.Version == 0x05 && (t.DeviceType == 0x06 || t.DeviceType == 0x07);

    /// <summary>True when the CI at <paramref name="i"/> is an Apator NA-1 payload.</summary>
    public static bool IsNa1(MBusTelegram t, int i)
    {
        var ci = t.Buffer[i];
        return t.ManufacturerCode == ManufacturerRecords.Apa && t.Version == 0x14 && t.DeviceType == MBusDeviceType.Water
            && (ci == 0xA0 || ci == 0xA1);
    }

    /// <summary>
    /// After the standard records of an Apator 16-2: reads the registers of its manufacturer data record and adds
    /// the volume. A telegram without such a record is left alone.
    /// </summary>
    public static bool Read162(MBusTelegram t)
    {
        var data = -1;
        for (var k = 0; k < t.RecordCount; k++)
        {
            var r = t.GetRecord(k);
            if (r.Dif == 0x0F)
            {
                data = k;
                break;
            }
        }

        if (data < 0)
        {
            return true;
        }

        var b = t.Buffer;
        var record = t.GetRecord(data);
        var start = record.DataOffset;
        var end = start + record.DataLength;
        if (end - start < 7 + 2)
        {
            return t.Fail("Apator 16-2 manufacturer data truncated: " + (end - start).ToString() + " bytes");
        }

        var crc = (b[end - 2] << 8) | b[end - 1];
        if (WMBusCrc.Compute(b, start - 1, end - 2 - (start - 1)) != crc)
        {
            return t.Fail("Apator 16-2 manufacturer data: checksum mismatch (expected " + MBusHex.Word(crc) + ")");
        }

        var p = start + 7;
        var last = end - 2;
        var volume = -1;
        while (p < last)
        {
            var id = b[p];
            if (id == 0xFF)
            {
                for (var k = p; k < last; k++)
                {
                    if (b[k] != 0xFF)
                    {
                        return t.Fail("Apator 16-2 manufacturer data: padding broken at byte " + (k - start).ToString());
                    }
                }

                break;
            }

            var length = RegisterLength(id);
            if (length < 0)
            {
                return t.Fail("Apator 16-2 manufacturer data: unknown register " + MBusHex.Byte(id) + " at byte " + (p - start).ToString());
            }

            if (p + 1 + length > last)
            {
                return t.Fail("Apator 16-2 manufacturer data: register " + MBusHex.Byte(id) + " runs past the checksum");
            }

            if (id == 0x10)
            {
                volume = p + 1;
            }

            p += 1 + length;
        }

        t.ManufacturerFormat = "Apator 16-2 registers";
        return volume < 0 || ManufacturerRecords.Volume(t, volume, 4, ManufacturerRecords.U32(b, volume, 4), -3, 0);
    }

    /// <summary>Bytes after the id of an Apator 16-2 register, -1 for an id of no known length.</summary>
    internal static int RegisterLength(int id)
    {
        if (id >= 0x71 && id <= 0x7C)
        {
            return 1 + (4 * (id - 0x6F)); // a byte and 2 to 13 32-bit values
        }

        if (id >= 0xB6 && id <= 0xC7)
        {
            return 3;
        }

        switch (id)
        {
            case 0x00: return 4; // date
            case 0x01: return 3; // faults
            case 0x10: return 4; // volume, litres
            case 0x11: return 2; // flow
            case 0x40: return 6; // detectors
            case 0x41: return 2; // voltage
            case 0x42: return 4; // energy
            case 0x43: return 2; // days
            case 0x44: return 3;
            case 0x80:
            case 0x81:
            case 0x82:
            case 0x83:
            case 0x84:
            case 0x86:
            case 0x87: return 10;
            case 0x85:
            case 0x88:
            case 0x8F: return 11;
            case 0x8A: return 9;
            case 0x8B:
            case 0x8C: return 6;
            case 0x8E: return 7;
            case 0xA0:
            case 0xA1:
            case 0xA4: return 4;
            case 0xA2:
            case 0xA5:
            case 0xA9:
            case 0xAF: return 1;
            case 0xA3: return 7;
            case 0xA6: return 3;
            case 0xA7:
            case 0xA8:
            case 0xAA:
            case 0xAB:
            case 0xAC:
            case 0xAD:
            case 0xB4: return 2;
            case 0xB0: return 5;
            case 0xB1:
            case 0xB3: return 8;
            case 0xB2:
            case 0xB5: return 16;
            case 0xD0:
            case 0xD3: return 3;
            case 0xF0: return 4;
            default: return -1;
        }
    }

    /// <summary>
    /// Decodes an Apator NA-1 payload (CI at <paramref name="i"/>): decrypts its AES block with the meter's key
    /// and adds the volume and the meter time; the status bytes become meter flags.
    /// </summary>
    public static bool DecodeNa1(MBusTelegram t, int i, int end, byte[]? key, WMBusSecurity security, int mField, byte[] aField)
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
