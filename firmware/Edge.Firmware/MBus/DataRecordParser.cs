namespace Edge.Firmware.MBus;

/// <summary>
/// Parses the variable data structure of EN 13757-3 §6.3-6.5: data records of DIF, DIFEs, VIF, VIFEs and
/// data, until the end of the application data. Never throws on bad input: errors name the record.
/// </summary>
internal static partial class DataRecordParser
{
    /// <summary>Most DIFEs / VIFEs in one record (EN 13757-3 §6.3.4 and §6.4.1: at most 10 each).</summary>
    private const int MaxExtensions = 10;

    /// <summary>Parses records in <c>t.Buffer[offset..end)</c> into <paramref name="t"/>.</summary>
    public static bool Parse(MBusTelegram t, int offset, int end)
    {
        var b = t.Buffer;
        var i = offset;
        var number = 0;
        while (i < end)
        {
            var dif = b[i];
            if (dif == 0x2F)
            {
                i++; // §6.3.2: idle filler, may appear anywhere
                continue;
            }

            number++;
            var r = t.NextRecord(i);
            if (r == null)
            {
                return t.Fail("too many records (more than " + MBusTelegram.MaxRecords.ToString() + ")");
            }

            r.Dif = dif;
            if (dif == 0x0F || dif == 0x1F)
            {
                // §6.3.2 table 5: manufacturer specific data up to the end; 0x1F = more records follow.
                r.Quantity = MBusQuantity.ManufacturerData;
                r.Kind = MBusValueKind.Bytes;
                r.DataField = 0x0F;
                r.DataOffset = i + 1;
                r.DataLength = end - i - 1;
                t.MoreRecordsFollow = dif == 0x1F;
                return true;
            }

            if ((dif & 0x0F) == 0x0F)
            {
                // §6.3.2 table 5: 0x3F-0x6F reserved, 0x7F is a readout request (master to slave only).
                return t.Fail("unsupported special DIF " + MBusHex.Byte(dif) + " in record " + number.ToString());
            }

            i = ParseDib(t, r, number, i, end);
            if (i < 0)
            {
                return false;
            }

            int factor;
            i = ParseVib(t, r, number, i, end, out factor);
            if (i < 0)
            {
                return false;
            }

            i = ReadData(t, r, number, i, end, factor);
            if (i < 0)
            {
                return false;
            }
        }

        return true;
    }
}
