using Edge.Firmware.MBus;

namespace Edge.Firmware.Echonet;

/// <summary>Device super class properties 0x80-0x9F and the node profile 0x0EF0.</summary>
public static partial class EchonetPropertyDecoder
{
    private static int Super(int classCode, int epc, byte[] b, int o, int pdc, EchonetValue v)
    {
        int r;
        switch (epc)
        {
            case 0x80: // operation status: 0x30 ON, 0x31 OFF
                if ((r = Size(v, epc, pdc, 1)) != Done)
                {
                    return r;
                }

                v.Raw = b[o];
                if (b[o] != 0x30 && b[o] != 0x31)
                {
                    return Range(v, epc, "code", b[o]);
                }

                v.Kind = EchonetValueKind.Flag;
                v.Flag = b[o] == 0x30;
                v.Text = v.Flag ? "ON" : "OFF";
                return Done;
            case 0x82: // standard version: 0x00 0x00, release letter (ASCII), revision
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                if (b[o + 2] < 'A' || b[o + 2] > 'Z')
                {
                    return Range(v, epc, "release", b[o + 2]);
                }

                v.Kind = EchonetValueKind.Version;
                v.Text = new string((char)b[o + 2], 1);
                v.Raw = b[o + 3];
                return Done;
            case 0x83: // identification number: 0xFE, manufacturer code (3), unique part (13)
            case 0x8A: // manufacturer code (3 bytes)
                if (epc == 0x8A && (r = Size(v, epc, pdc, 3)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Code;
                v.Text = MBusHex.Bytes(b, o, pdc);
                return Done;
            case 0x88: // fault status: 0x41 fault, 0x42 none
                return AbnormalValue(epc, b, o, pdc, v);
            case 0x8C: // product code, production number: 12 ASCII bytes, NUL or space padded
            case 0x8D:
                if ((r = Size(v, epc, pdc, 12)) != Done)
                {
                    return r;
                }

                return Ascii(b, o, pdc, v) ? Done : Range(v, epc, "text byte", 0);
            case 0x8E: // production date YYYY MM DD
            case 0x98: // current date YYYY MM DD
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Date;
                return Date(b, o, v) ? Done : Range(v, epc, "date", U32(b, o));
            case 0x97: // current time HH MM
                if ((r = Size(v, epc, pdc, 2)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Time;
                v.Hour = b[o];
                v.Minute = b[o + 1];
                return v.Hour <= 23 && v.Minute <= 59 ? Done : Range(v, epc, "time", U16(b, o));
            case 0x9B:
            case 0x9C:
            case 0x9D:
            case 0x9E:
            case 0x9F:
                return PropertyMap(epc, b, o, pdc, v);
            default:
                return Unhandled;
        }
    }

    /// <summary>Node profile 0x0EF0 (specification Part 2, chapter 6).</summary>
    private static int Node(int epc, byte[] b, int o, int pdc, EchonetValue v)
    {
        int r;
        switch (epc)
        {
            case 0x82: // version information: major, minor, message formats (2 bytes)
                if ((r = Size(v, epc, pdc, 4)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Version;
                v.Text = b[o].ToString() + "." + b[o + 1].ToString();
                v.Raw = U16(b, o + 2);
                return Done;
            case 0xD3: // number of self-node instances (3 bytes)
                if ((r = Size(v, epc, pdc, 3)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = (b[o] << 16) | U16(b, o + 1);
                return Done;
            case 0xD4: // number of self-node classes (2 bytes)
                if ((r = Size(v, epc, pdc, 2)) != Done)
                {
                    return r;
                }

                v.Kind = EchonetValueKind.Number;
                v.Raw = U16(b, o);
                return Done;
            case 0xD5: // instance list notification, self-node instance list S: count, EOJ × count (at most 84)
            case 0xD6:
                return ObjectList(epc, b, o, pdc, 3, v);
            case 0xD7: // self-node class list S: count, class code × count
                return ObjectList(epc, b, o, pdc, 2, v);
            default:
                return Unhandled;
        }
    }

    /// <summary>
    /// Property maps 0x9B-0x9F (APPENDIX, "property map description format"): under 16 properties the count and
    /// the EPCs; from 16 on the count and a 16-byte bitmap where bit j of byte i is EPC (0x80 + 0x10 × j) + i.
    /// </summary>
    private static int PropertyMap(int epc, byte[] b, int o, int pdc, EchonetValue v)
    {
        var count = b[o];
        v.Kind = EchonetValueKind.PropertyMap;
        v.DeclaredCount = count;
        if (count < 16)
        {
            var r = Size(v, epc, pdc, count + 1);
            if (r != Done)
            {
                return r;
            }

            v.MapFormat = 1;
            for (var k = 0; k < count; k++)
            {
                v.Epcs[k] = b[o + 1 + k];
            }

            v.EpcCount = count;
            SortEpcs(v);
            return Done;
        }

        var s = Size(v, epc, pdc, 17);
        if (s != Done)
        {
            return s;
        }

        v.MapFormat = 2;
        for (var high = 0; high < 8; high++)
        {
            for (var low = 0; low < 16; low++)
            {
                if ((b[o + 1 + low] & (1 << high)) != 0)
                {
                    v.Epcs[v.EpcCount++] = (byte)(0x80 + (high << 4) + low);
                }
            }
        }

        return v.EpcCount == count ? Done : Range(v, epc, "count (bits set " + v.EpcCount.ToString() + ")", count);
    }

    private static void SortEpcs(EchonetValue v)
    {
        for (var i = 1; i < v.EpcCount; i++)
        {
            var x = v.Epcs[i];
            var j = i - 1;
            while (j >= 0 && v.Epcs[j] > x)
            {
                v.Epcs[j + 1] = v.Epcs[j];
                j--;
            }

            v.Epcs[j + 1] = x;
        }
    }

    private static int ObjectList(int epc, byte[] b, int o, int pdc, int size, EchonetValue v)
    {
        var count = b[o];
        v.Kind = EchonetValueKind.ObjectList;
        v.DeclaredCount = count;
        var r = Size(v, epc, pdc, 1 + (count * size));
        if (r != Done)
        {
            return r;
        }

        if (count > v.Objects.Length)
        {
            return Range(v, epc, "count", count);
        }

        for (var k = 0; k < count; k++)
        {
            var p = o + 1 + (k * size);
            v.Objects[k] = size == 3 ? (b[p] << 16) | U16(b, p + 1) : U16(b, p);
        }

        v.ObjectCount = count;
        return Done;
    }

    /// <summary>Printable ASCII, stopping at the first NUL and dropping trailing spaces.</summary>
    private static bool Ascii(byte[] b, int o, int pdc, EchonetValue v)
    {
        var n = 0;
        while (n < pdc && b[o + n] != 0)
        {
            if (b[o + n] < 0x20 || b[o + n] > 0x7E)
            {
                return false;
            }

            n++;
        }

        for (var k = n; k < pdc; k++)
        {
            if (b[o + k] != 0)
            {
                return false;
            }
        }

        while (n > 0 && b[o + n - 1] == ' ')
        {
            n--;
        }

        var chars = new char[n];
        for (var k = 0; k < n; k++)
        {
            chars[k] = (char)b[o + k];
        }

        v.Kind = EchonetValueKind.Text;
        v.Text = new string(chars);
        return true;
    }

    /// <summary>YYYY (2 bytes) MM DD; false when month or day are out of range.</summary>
    private static bool Date(byte[] b, int o, EchonetValue v)
    {
        v.Year = U16(b, o);
        v.Month = b[o + 2];
        v.Day = b[o + 3];
        return v.Year >= 1 && v.Year <= 9999 && v.Month >= 1 && v.Month <= 12 && v.Day >= 1 && v.Day <= 31;
    }

    /// <summary>YYYY MM DD hh mm (ss); false when a field is out of range.</summary>
    private static bool DateTime(byte[] b, int o, bool seconds, EchonetValue v)
    {
        if (!Date(b, o, v))
        {
            return false;
        }

        v.Hour = b[o + 4];
        v.Minute = b[o + 5];
        v.Second = seconds ? b[o + 6] : 0;
        return v.Hour <= 23 && v.Minute <= 59 && v.Second <= 59;
    }
}
