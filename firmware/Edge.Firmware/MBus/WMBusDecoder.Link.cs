namespace Edge.Firmware.MBus;

// Link layer length and CRC layout (EN 13757-4 §6.5: frame formats A and B).
public sealed partial class WMBusDecoder
{
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
}
