namespace Edge.Firmware.MBus;

// The chain of CI fields after the link layer: ELL, AFL, then the transport layer (EN 13757-4 §13, EN 13757-7 §6).
public sealed partial class WMBusDecoder
{
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
                    return PlainOnly(t, key) && ParseAndLearn(t, i + 1, end);
                case MBusCi.CompactNoHeader:
                    return PlainOnly(t, key) && DecodeCompact(t, i, end);
                case 0xA2:
                    if (TechemRadioRecords.Knows(t))
                    {
                        return PlainOnly(t, key) && TechemRadioRecords.Parse(t, i, end);
                    }

                    return t.Fail("manufacturer specific CI field 0xA2 (not EN 13757-3)");
                default:
                    if (ci >= 0xA0 && ci <= 0xB7)
                    {
                        return t.Fail("manufacturer specific CI field " + MBusHex.Byte(ci) + " (not EN 13757-3)");
                    }

                    return t.Fail("unsupported CI field " + MBusHex.Byte(ci));
            }
        }
    }

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
