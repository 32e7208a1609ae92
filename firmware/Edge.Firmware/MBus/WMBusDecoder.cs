namespace Edge.Firmware.MBus;

/// <summary>
/// Decodes wireless M-Bus / OMS telegrams (EN 13757-4 link layer, ELL and AFL, EN 13757-7 transport layer,
/// EN 13757-3 records) into a <see cref="MBusTelegram"/>. Frames may carry format A CRCs or have them removed.
/// Encrypted payloads need a key and an <see cref="IWMBusCipher"/>; without them the error says so.
/// Not thread-safe (scratch buffers are reused); decoding never throws on bad input.
/// </summary>
public sealed class WMBusDecoder
{
    private readonly WMBusSecurity _security = new WMBusSecurity();
    private readonly byte[] _aField = new byte[6];

    /// <summary>The AES implementation used for encrypted telegrams, or null (encrypted telegrams then fail).</summary>
    public IWMBusCipher? Cipher
    {
        get => _security.Cipher;
        set => _security.Cipher = value;
    }

    /// <summary>Expected CRC layout, see <see cref="WMBusFrameFormat"/>.</summary>
    public int FrameFormat { get; set; }

    /// <summary>
    /// Decodes <paramref name="length"/> bytes at <paramref name="offset"/> into <paramref name="t"/>.
    /// <paramref name="key"/> is the meter's 16-byte AES key, or null when none is configured.
    /// </summary>
    public bool TryDecode(byte[] frame, int offset, int length, byte[]? key, MBusTelegram t)
    {
        t.Reset();
        if (length > MBusTelegram.BufferSize)
        {
            return t.Fail("frame of " + length.ToString() + " bytes is longer than " + MBusTelegram.BufferSize.ToString());
        }

        if (length < 11)
        {
            return t.Fail("frame too short: " + length.ToString() + " bytes, at least 11 needed (L C M A CI)");
        }

        if (key != null && key.Length != 16)
        {
            return t.Fail("key must be 16 bytes, got " + key.Length.ToString());
        }

        var b = t.Buffer;
        System.Array.Copy(frame, offset, b, 0, length);
        var end = LinkLength(t, length);
        if (end < 0)
        {
            return false;
        }

        t.Length = end;
        t.CField = b[1];
        var mField = b[2] | (b[3] << 8);
        System.Array.Copy(b, 4, _aField, 0, 6);
        t.ManufacturerCode = mField;
        t.IdRaw = (uint)(b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24));
        t.Version = b[8];
        t.DeviceType = b[9];
        return DecodeCi(t, 10, end, key, mField);
    }

    private int LinkLength(MBusTelegram t, int length)
    {
        var b = t.Buffer;
        var l = b[0];
        string? error;
        if (FrameFormat == WMBusFrameFormat.B)
        {
            if (length != l + 1)
            {
                t.Fail("format B length mismatch: L = " + l.ToString() + " needs " + (l + 1).ToString() + " bytes, got " + length.ToString());
                return -1;
            }

            var stripped = WMBusLinkLayer.StripFormatB(b, length, out error);
            if (stripped < 0)
            {
                t.Fail(error ?? "link CRC mismatch");
            }

            return stripped;
        }

        if (length != l + 1 && length == WMBusLinkLayer.FormatALength(l))
        {
            var stripped = WMBusLinkLayer.StripFormatA(b, length, out error);
            if (stripped < 0)
            {
                t.Fail(error ?? "link CRC mismatch");
            }

            return stripped;
        }

        if (length != l + 1)
        {
            t.Fail("length mismatch: L = " + l.ToString() + " needs " + (l + 1).ToString() + " bytes (or "
                + WMBusLinkLayer.FormatALength(l).ToString() + " with format A CRCs), got " + length.ToString());
            return -1;
        }

        return length;
    }

    private bool DecodeCi(MBusTelegram t, int i, int end, byte[]? key, int mField)
    {
        var b = t.Buffer;
        long messageCounter = -1;
        while (true)
        {
            if (i >= end)
            {
                return t.Fail("truncated: CI field missing at byte " + i.ToString());
            }

            var ci = b[i];
            t.CiField = ci;
            switch (ci)
            {
                case MBusCi.EllShort:
                    // EN 13757-4 §13.2.2: CC, ACC.
                    if (end - i < 3)
                    {
                        return t.Fail("ELL (CI 0x8C) truncated");
                    }

                    t.AccessNumber = b[i + 2];
                    i += 3;
                    continue;
                case MBusCi.EllLong:
                    // EN 13757-4 §13.2.3: CC, ACC, SN (4), payload CRC (2); SN bits 29-31 = encryption (1 = AES-CTR).
                    if (end - i < 9)
                    {
                        return t.Fail("ELL (CI 0x8D) truncated");
                    }

                    t.AccessNumber = b[i + 2];
                    var sn = (uint)(b[i + 3] | (b[i + 4] << 8) | (b[i + 5] << 16) | (b[i + 6] << 24));
                    var enc = (int)(sn >> 29);
                    if (enc > 1)
                    {
                        return t.Fail("unsupported ELL encryption " + enc.ToString());
                    }

                    if (enc == 1 && !_security.DecryptEll(t, i + 7, end, key, mField, _aField, b[i + 1], sn))
                    {
                        return false;
                    }

                    i += 9;
                    continue;
                case MBusCi.Afl:
                    if (!ReadAfl(t, i, end, ref messageCounter))
                    {
                        return false;
                    }

                    i += 2 + b[i + 1];
                    continue;
                case MBusCi.ShortHeader:
                case MBusCi.LongHeader:
                    return DecodeTpl(t, i, end, key, mField, messageCounter);
                case MBusCi.NoHeader:
                    return PlainOnly(t, key) && DataRecordParser.Parse(t, i + 1, end);
                case MBusCi.CompactNoHeader:
                    return t.Fail("compact frame (CI 0x79): format signature " + MBusHex.Bytes(b, i + 1, end - i > 2 ? 2 : 0) + " unknown, a full frame must be decoded first");
                default:
                    if (ci >= 0xA0 && ci <= 0xB7)
                    {
                        return t.Fail("manufacturer specific CI field " + MBusHex.Byte(ci) + " (not EN 13757-3)");
                    }

                    return t.Fail("unsupported CI field " + MBusHex.Byte(ci));
            }
        }
    }

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

        return DataRecordParser.Parse(t, i, end);
    }

    /// <summary>A telegram without encryption is refused when the meter has a key (it could be forged).</summary>
    private static bool PlainOnly(MBusTelegram t, byte[]? key) =>
        key == null || t.Decrypted || t.Fail("telegram is not encrypted but a key is configured for this meter: rejected");

    private static bool ReadAfl(MBusTelegram t, int i, int end, ref long messageCounter)
    {
        // EN 13757-7 §6 / OMS Vol. 2 §6.3: AFLL, FCL (2) with presence bits, then MCL, KI, MCR, MAC, ML.
        var b = t.Buffer;
        if (end - i < 4 || i + 2 + b[i + 1] > end || b[i + 1] < 2)
        {
            return t.Fail("AFL (CI 0x90) truncated");
        }

        var fcl = b[i + 2] | (b[i + 3] << 8);
        if ((fcl & 0x4000) != 0)
        {
            return t.Fail("AFL: fragmented messages are not supported");
        }

        var p = i + 4;
        p += (fcl & 0x2000) != 0 ? 1 : 0; // MCL
        p += (fcl & 0x0200) != 0 ? 2 : 0; // KI
        if ((fcl & 0x0800) != 0 && p + 4 <= i + 2 + b[i + 1])
        {
            messageCounter = (uint)(b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24));
        }

        return true;
    }
}
