namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// Apator 16-2 water meters (APA, version 0x05, device type 6 or 7), as the wmbusmeters driver apator162
/// documents the layout (read, not copied): a standard mode 5 telegram whose plain payload is manufacturer
/// data after DIF 0x0F: 7 status bytes, then registers (an id byte and a length fixed per id; id 0x10 is the
/// volume in litres, 32-bit LSB first), optional 0xFF padding, and a CRC-16 of EN 13757-4 over everything from
/// the 0x0F on, most significant byte first. Apator NA-1 is <see cref="ApatorNa1"/>.
/// </summary>
internal static class ApatorRecords
{
    /// <summary>True for an Apator 16-2.</summary>
    public static bool Is162(MBusTelegram t) =>
        t.ManufacturerCode == ManufacturerRecords.Apa && t.Version == 0x05 && (t.DeviceType == 0x06 || t.DeviceType == 0x07);

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
}
