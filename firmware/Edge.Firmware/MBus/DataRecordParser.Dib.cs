namespace Edge.Firmware.MBus;

// Data information block: DIF and DIFEs (EN 13757-3 §6.3).
internal static partial class DataRecordParser
{
    private static int ParseDib(MBusTelegram t, MBusRecord r, int number, int i, int end)
    {
        var b = t.Buffer;
        var dif = b[i++];
        r.DataField = dif & 0x0F;
        r.Function = (dif >> 4) & 0x03;
        r.StorageNumber = (dif >> 6) & 0x01;
        var more = (dif & 0x80) != 0;
        var n = 0;
        while (more)
        {
            if (i >= end)
            {
                t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(dif) + "): DIFE missing");
                return -1;
            }

            if (n == MaxExtensions)
            {
                t.Fail("more than 10 DIFEs in record " + number.ToString() + " (DIF " + MBusHex.Byte(dif) + ")");
                return -1;
            }

            // §6.3.4: each DIFE adds 4 storage bits, 2 tariff bits and 1 subunit bit above the previous.
            var dife = b[i++];
            r.StorageNumber |= (long)(dife & 0x0F) << (1 + (4 * n));
            r.Tariff |= ((dife >> 4) & 0x03) << (2 * n);
            r.Subunit |= ((dife >> 6) & 0x01) << n;
            more = (dife & 0x80) != 0;
            n++;
        }

        if (i >= end)
        {
            t.Fail("truncated in record " + number.ToString() + " (DIF " + MBusHex.Byte(dif) + "): VIF missing");
            return -1;
        }

        return i;
    }
}
