namespace Edge.Firmware.MBus;

// Data field: fixed-length and variable-length values (EN 13757-3 §6.5, Annex A).
internal static partial class DataRecordParser
{
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
