namespace Edge.Firmware.MBus;

/// <summary>
/// Decodes a wired M-Bus response (EN 13757-2 long frame carrying the EN 13757-3 application layer) into a
/// <see cref="MBusTelegram"/>. Errors (frame, CI, records, or an application error reported by the slave)
/// come back as false with <see cref="MBusTelegram.Error"/>; nothing throws on bad input.
/// </summary>
public sealed class MBusWiredDecoder
{
    private readonly MBusWiredFrame _frame = new MBusWiredFrame();

    /// <summary>Decodes <paramref name="length"/> bytes at <paramref name="offset"/> into <paramref name="t"/>.</summary>
    public bool TryDecode(byte[] frame, int offset, int length, MBusTelegram t)
    {
        t.Reset();
        if (length > MBusTelegram.BufferSize)
        {
            return t.Fail("frame of " + length.ToString() + " bytes is longer than " + MBusTelegram.BufferSize.ToString());
        }

        System.Array.Copy(frame, offset, t.Buffer, 0, length);
        t.Length = length;
        if (!_frame.TryParse(t.Buffer, 0, length))
        {
            return t.Fail(_frame.Error ?? "invalid frame");
        }

        if (_frame.Kind == MBusFrameKind.SingleCharacter || _frame.Kind == MBusFrameKind.Short)
        {
            return t.Fail(_frame.Kind == MBusFrameKind.SingleCharacter
                ? "single character 0xE5 carries no user data"
                : "short frame carries no user data");
        }

        t.CField = _frame.C;
        t.PrimaryAddress = _frame.A;
        t.CiField = _frame.Ci;
        var i = _frame.DataOffset;
        var end = i + _frame.DataLength;
        switch (_frame.Ci)
        {
            case MBusCi.ApplicationError:
                // EN 13757-3 §6.6: no data means "unspecified error".
                var code = end > i ? t.Buffer[i] : 0;
                t.ApplicationError = code;
                return t.Fail("application error reported by the slave: " + TransportHeader.ApplicationErrorName(code) + " (code " + code.ToString() + ")");
            case MBusCi.LongHeader:
                if (end - i < TransportHeader.LongLength)
                {
                    return t.Fail("transport header truncated: CI 0x72 needs 12 bytes, got " + (end - i).ToString());
                }

                TransportHeader.ReadLong(t, i);
                i += TransportHeader.LongLength;
                break;
            case MBusCi.ShortHeader:
                if (end - i < TransportHeader.ShortLength)
                {
                    return t.Fail("transport header truncated: CI 0x7A needs 4 bytes, got " + (end - i).ToString());
                }

                TransportHeader.ReadShort(t, i);
                i += TransportHeader.ShortLength;
                break;
            case MBusCi.NoHeader:
                break;
            case MBusCi.FixedData:
                if (!FixedDataParser.Parse(t, i, end))
                {
                    return false;
                }

                TelegramStatus.Apply(t);
                return true;
            case 0x77:
                return t.Fail("unsupported CI field 0x77 (fixed data structure, most significant byte first)");
            case MBusCi.LongHeaderMsbFirst:
                return t.Fail("unsupported CI field 0x76 (variable data structure, most significant byte first)");
            default:
                return t.Fail("unsupported CI field " + MBusHex.Byte(_frame.Ci));
        }

        // Wired meters often put a vendor signature in the last two header bytes (libmbus ignores it), so only
        // modes 5 and 7 with a payload that does not start with the 2F 2F check bytes count as encrypted.
        if ((t.SecurityMode == 5 || t.SecurityMode == 7) && !(i + 1 < end && t.Buffer[i] == 0x2F && t.Buffer[i + 1] == 0x2F))
        {
            return t.Fail("encrypted payload (security mode " + t.SecurityMode.ToString() + "), key required/decryption not available");
        }

        if (!DataRecordParser.Parse(t, i, end))
        {
            return false;
        }

        TelegramStatus.Apply(t);
        return true;
    }
}
