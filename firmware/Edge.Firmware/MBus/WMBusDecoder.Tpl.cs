using Edge.Firmware.MBus.Manufacturers;

namespace Edge.Firmware.MBus;

// Transport layer: short and long headers and the security modes (EN 13757-7 §7).
public sealed partial class WMBusDecoder
{
    private bool DecodeTpl(MBusTelegram t, int i, int end, byte[]? key, int mField)
    {
        var b = t.Buffer;
        var header = b[i] == MBusCi.LongHeader ? TransportHeader.LongLength : TransportHeader.ShortLength;
        if (end - i - 1 < header)
        {
            return t.Fail("transport header truncated: CI " + MBusHex.Byte(b[i]) + " needs " + header.ToString() + " bytes, got " + (end - i - 1).ToString());
        }

        if (header == TransportHeader.LongLength)
        {
            // EN 13757-7 §7.5.3: the long header names the meter; its M and A fields also form the IV.
            TransportHeader.ReadLong(t, i + 1);
            mField = t.ManufacturerCode;
            System.Array.Copy(b, i + 1, _aField, 0, 4);
            _aField[4] = (byte)t.Version;
            _aField[5] = (byte)t.DeviceType;
        }
        else
        {
            TransportHeader.ReadShort(t, i + 1);
        }

        i += 1 + header;
        if (t.SecurityMode == 7)
        {
            i++; // EN 13757-7 §7.6.3: mode 7 adds a configuration word extension byte
        }

        switch (t.SecurityMode)
        {
            case 0:
                if (!PlainOnly(t, key))
                {
                    return false;
                }

                break;
            case 2:
            case 5:
            case 7:
                if (!_security.DecryptTpl(t, i, end, key, mField, _aField, _afl))
                {
                    return false;
                }

                break;
            default:
                if (t.SecurityMode >= 16 && ManufacturerFormats.KnowsSecurity(t, i))
                {
                    if (!ManufacturerFormats.DecryptSecurity(t, i, end, key))
                    {
                        return false;
                    }

                    break;
                }

                return t.Fail("unsupported security mode " + t.SecurityMode.ToString() + SecurityModeName(t.SecurityMode));
        }

        return ParseAndLearn(t, i, end);
    }

    /// <summary>What EN 13757-7 table 47 calls a security mode this decoder does not handle.</summary>
    private static string SecurityModeName(int mode)
    {
        switch (mode)
        {
            case 1: return " (manufacturer specific)";
            case 3: return " (DES-CBC with IV, deprecated)";
            case 4: return " (AES-CBC with IV 0, deprecated)";
            case 8: return " (AES-CTR with CMAC)";
            case 9: return " (AES-GCM)";
            case 10: return " (AES-CCM)";
            case 13: return " (TLS)";
            default: return mode >= 16 ? " (manufacturer specific, layout of this meter not known)" : " (reserved)";
        }
    }

    /// <summary>A telegram without encryption is refused when the meter has a key (it could be forged).</summary>
    private static bool PlainOnly(MBusTelegram t, byte[]? key) =>
        key == null || t.Decrypted || t.Fail("telegram is not encrypted but a key is configured for this meter: rejected");
}
