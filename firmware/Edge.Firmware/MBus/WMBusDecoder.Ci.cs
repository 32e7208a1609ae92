using Edge.Firmware.MBus.Manufacturers;

namespace Edge.Firmware.MBus;

// The chain of CI fields after the link layer: ELL, AFL, then the transport layer (EN 13757-4 §13, EN 13757-7 §6).
public sealed partial class WMBusDecoder
{
    private bool DecodeCi(MBusTelegram t, int i, int end, byte[]? key, int mField)
    {
        var b = t.Buffer;
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
                    if (!_afl.Read(t, i, end))
                    {
                        return false;
                    }

                    i = _afl.NextOffset;
                    continue;
                case MBusCi.ShortHeader:
                case MBusCi.LongHeader:
                    return DecodeTpl(t, i, end, key, mField);
                case MBusCi.NoHeader:
                    return PlainOnly(t, key) && ParseAndLearn(t, i + 1, end);
                case MBusCi.CompactNoHeader:
                    return PlainOnly(t, key) && DecodeCompact(t, i, end);
                default:
                    if (ci >= 0xA0 && ci <= 0xB7)
                    {
                        if (ManufacturerFormats.KnowsCi(t, i))
                        {
                            return ManufacturerFormats.DecodeCi(t, i, end, key, _security, mField, _aField);
                        }

                        return t.Fail("manufacturer specific CI field " + MBusHex.Byte(ci) + " (not EN 13757-3), layout of "
                            + t.Manufacturer + " version " + MBusHex.Byte(t.Version) + " not known");
                    }

                    return t.Fail("unsupported CI field " + MBusHex.Byte(ci));
            }
        }
    }
}
