namespace Edge.Firmware.MBus;

// Transport layer: short and long headers and the security modes (EN 13757-7 §7).
public sealed partial class WMBusDecoder
{
    private bool DecodeTpl(MBusTelegram t, int i, int end, byte[]? key, int mField, long messageCounter)
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
            case 5:
            case 7:
                if (!_security.DecryptTpl(t, i, end, key, mField, _aField, messageCounter))
                {
                    return false;
                }

                break;
            default:
                return t.Fail("unsupported security mode " + t.SecurityMode.ToString());
        }

        return ParseAndLearn(t, i, end);
    }

    /// <summary>A telegram without encryption is refused when the meter has a key (it could be forged).</summary>
    private static bool PlainOnly(MBusTelegram t, byte[]? key) =>
        key == null || t.Decrypted || t.Fail("telegram is not encrypted but a key is configured for this meter: rejected");
}
