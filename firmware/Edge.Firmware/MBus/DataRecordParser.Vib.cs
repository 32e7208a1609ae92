namespace Edge.Firmware.MBus;

// Value information block: VIF and VIFEs (EN 13757-3 §6.4).
internal static partial class DataRecordParser
{
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
            if (vifes == 0 && code == 0x7F)
            {
                r.ManufacturerVife = vife & 0x7F;
            }

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
}
