namespace Edge.Firmware.MBus;

/// <summary>
/// Parses the variable data structure of EN 13757-3 §6.3-6.5: data records of DIF, DIFEs, VIF, VIFEs and
/// data, until the end of the application data. Never throws on bad input: errors name the record.
/// </summary>
internal static class DataRecordParser
{
    /// <summary>Most DIFEs / VIFEs in one record (EN 13757-3 §6.3.4 and §6.4.1: at most 10 each).</summary>
    private const int MaxExtensions = 10;

    /// <summary>Parses records in <c>t.Buffer[offset..end)</c> into <paramref name="t"/>.</summary>
    public static bool Parse(MBusTelegram t, int offset, int end)
    {
        var b = t.Buffer;
        var i = offset;
        var number = 0;
        while (i < end)
        {
            var dif = b[i];
            if (dif == 0x2F)
            {
                i++; // §6.3.2: idle filler, may appear anywhere
                continue;
            }

            number++;
            var r = t.NextRecord(i);
            if (r == null)
            {
                return t.Fail("too many records (more than " + MBusTelegram.MaxRecords.ToString() + ")");
            }

            r.Dif = dif;
            if (dif == 0x0F || dif == 0x1F)
            {
                // §6.3.2 table 5: manufacturer specific data up to the end; 0x1F = more records follow.
                r.Quantity = MBusQuantity.ManufacturerData;
                r.Kind = MBusValueKind.Bytes;
                r.DataField = 0x0F;
                r.DataOffset = i + 1;
                r.DataLength = end - i - 1;
                t.MoreRecordsFollow = dif == 0x1F;
                return true;
            }

            if ((dif & 0x0F) == 0x0F)
            {
                // §6.3.2 table 5: 0x3F-0x6F reserved, 0x7F is a readout request (master to slave only).
                return t.Fail("unsupported special DIF " + MBusHex.Byte(dif) + " in record " + number.ToString());
            }

            i = ParseDib(t, r, number, i, end);
            if (i < 0)
            {
                return false;
            }

            int factor;
            i = ParseVib(t, r, number, i, end, out factor);
            if (i < 0)
            {
                return false;
            }

            i = ReadData(t, r, number, i, end, factor);
            if (i < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int ParseDib(MBusTelegram t, MBusRecord r, int number, int i, int end)
    {
        var b = t.Buffer;
        var dif = b[i++];
        r.DataField = dif & 0x0F;
        r.Function = (dif >> 4) & 0x03;
        r.StorageNumber = (dif >> 6) & 0x01;
        var more = (dif & 0x80) != 0;
        var n = 0;
        while (more)
        {
            if (i >= end)
            {
                t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(dif) + "): DIFE missing");
                return -1;
            }

            if (n == MaxExtensions)
            {
                t.Fail("more than 10 DIFEs in record " + number.ToString() + " (DIF " + MBusHex.Byte(dif) + ")");
                return -1;
            }

            // §6.3.4: each DIFE adds 4 storage bits, 2 tariff bits and 1 subunit bit above the previous.
            var dife = b[i++];
            r.StorageNumber |= (long)(dife & 0x0F) << (1 + (4 * n));
            r.Tariff |= ((dife >> 4) & 0x03) << (2 * n);
            r.Subunit |= ((dife >> 6) & 0x01) << n;
            more = (dife & 0x80) != 0;
            n++;
        }

        if (i >= end)
        {
            t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(dif) + "): VIF missing");
            return -1;
        }

        return i;
    }

    private static int ParseVib(MBusTelegram t, MBusRecord r, int number, int i, int end, out int factor)
    {
        var b = t.Buffer;
        var vif = b[i++];
        var code = vif & 0x7F;
        var more = (vif & 0x80) != 0;
        var vifes = 0;
        factor = 1;
        if (code == 0x7C)
        {
            // §6.4.2: plain-text VIF, a length byte and that many ASCII characters (last character first).
            if (i >= end || i + 1 + b[i] > end)
            {
                t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(r.Dif) + "): plain-text VIF runs past the end");
                return -1;
            }

            r.VifCode = code;
            r.VifTextOffset = i + 1;
            r.VifTextLength = b[i];
            PrimaryVifTable.Set(r, MBusQuantity.PlainText, MBusUnit.None, 0);
            i += 1 + b[i];
        }
        else if (vif == 0xFB || vif == 0xFD)
        {
            if (i >= end)
            {
                t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(r.Dif) + "): extension VIFE missing");
                return -1;
            }

            var ext = b[i++];
            vifes++;
            r.VifCode = (vif << 8) | (ext & 0x7F);
            factor = vif == 0xFB ? FbVifTable.Apply(ext & 0x7F, r) : FdVifTable.Apply(ext & 0x7F, r);
            more = (ext & 0x80) != 0;
        }
        else
        {
            r.VifCode = code;
            factor = PrimaryVifTable.Apply(code, r);
            if (code == 0x7F)
            {
                r.VifeFlags |= MBusVifeFlags.ManufacturerSpecific;
            }
        }

        while (more)
        {
            if (i >= end)
            {
                t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(r.Dif) + "): VIFE missing");
                return -1;
            }

            if (vifes == MaxExtensions)
            {
                t.Fail("more than 10 VIFEs in record " + number.ToString() + " (DIF " + MBusHex.Byte(r.Dif) + ")");
                return -1;
            }

            var vife = b[i++];
            vifes++;
            more = (vife & 0x80) != 0;
            if ((r.VifeFlags & MBusVifeFlags.ManufacturerSpecific) == 0)
            {
                VifeTable.Apply(vife & 0x7F, r);
            }
        }

        if (factor == 0)
        {
            factor = 1; // reserved VIF: value kept unscaled, quantity says "reserved"
        }

        return i;
    }

    private static int ReadData(MBusTelegram t, MBusRecord r, int number, int i, int end, int factor)
    {
        var b = t.Buffer;
        var length = DataFieldReader.FixedLength(r.DataField);
        if (length == -1)
        {
            if (i >= end)
            {
                return Truncated(t, r, number);
            }

            return ReadVariable(t, r, number, i, end);
        }

        if (i + length > end)
        {
            return Truncated(t, r, number);
        }

        r.DataOffset = i;
        r.DataLength = length;
        if (length == 0)
        {
            r.Kind = MBusValueKind.None;
            return i;
        }

        if (MBusDateTime.IsDateQuantity(r) && MBusDateTime.TryDecode(b, i, r.DataField, r))
        {
            return i + length;
        }

        switch (r.DataField)
        {
            case 0x5:
                r.Kind = MBusValueKind.Real;
                r.Real = DataFieldReader.Real32(b, i) * factor;
                break;
            case 0x9:
            case 0xA:
            case 0xB:
            case 0xC:
            case 0xE:
                long bcd;
                if (DataFieldReader.Bcd(b, i, length, out bcd))
                {
                    r.Kind = MBusValueKind.Decimal;
                    r.Mantissa = bcd * factor;
                }
                else
                {
                    r.Kind = MBusValueKind.InvalidBcd;
                }

                break;
            default:
                r.Kind = MBusValueKind.Decimal;
                r.Mantissa = DataFieldReader.SignedInteger(b, i, length) * factor;
                break;
        }

        return i + length;
    }

    private static int ReadVariable(MBusTelegram t, MBusRecord r, int number, int i, int end)
    {
        // §6.3.3 / Annex A table A.3: the LVAR byte says what follows.
        var lvar = t.Buffer[i++];
        int length;
        var kind = MBusValueKind.Bytes;
        if (lvar < 0xC0)
        {
            length = lvar;
            kind = MBusValueKind.Text;
        }
        else if (lvar < 0xD0)
        {
            length = lvar - 0xC0; // positive BCD, 2 digits per byte
        }
        else if (lvar < 0xE0)
        {
            length = lvar - 0xD0; // negative BCD
        }
        else if (lvar < 0xF0)
        {
            length = lvar - 0xE0; // binary number
        }
        else if (lvar < 0xF5)
        {
            length = 4 * (lvar - 0xEC); // binary number, 16-32 bytes
        }
        else if (lvar == 0xF5)
        {
            length = 48;
        }
        else if (lvar == 0xF6)
        {
            length = 64;
        }
        else
        {
            t.Fail("reserved LVAR " + MBusHex.Byte(lvar) + " in record " + number.ToString() + " (DIF " + MBusHex.Byte(r.Dif) + ")");
            return -1;
        }

        if (i + length > end)
        {
            return Truncated(t, r, number);
        }

        r.DataOffset = i;
        r.DataLength = length;
        r.Kind = kind;
        if (lvar >= 0xC0 && lvar < 0xE0 && length <= 9)
        {
            long bcd;
            if (DataFieldReader.Bcd(t.Buffer, i, length, out bcd))
            {
                r.Kind = MBusValueKind.Decimal;
                r.Mantissa = lvar >= 0xD0 ? -bcd : bcd;
            }
        }

        return i + length;
    }

    private static int Truncated(MBusTelegram t, MBusRecord r, int number)
    {
        t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(r.Dif) + "): data runs past the end");
        return -1;
    }
}
