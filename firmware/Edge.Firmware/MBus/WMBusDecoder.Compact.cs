namespace Edge.Firmware.MBus;

// Compact frames (CI 0x79, compact M-Bus annex of EN 13757-3 / OMS): format signature, full-frame CRC, data only.
public sealed partial class WMBusDecoder
{
    /// <summary>
    /// Parses full-frame records and remembers their format for later compact frames. When the records do not
    /// parse to the frame's end but its last two bytes are the format A CRC of its last block (EN 13757-4 §6.5),
    /// a receiver left that one CRC in: it is dropped and the records parsed again.
    /// </summary>
    private bool ParseAndLearn(MBusTelegram t, int i, int end)
    {
        if (!DataRecordParser.Parse(t, i, end))
        {
            if (end != t.Length || end - 2 < i || !WMBusLinkLayer.EndsWithLastBlockCrc(t.Buffer, end))
            {
                return false;
            }

            var error = t.Error;
            t.ClearRecords();
            if (!DataRecordParser.Parse(t, i, end - 2))
            {
                return t.Fail(error ?? "records do not parse");
            }

            t.Length = end - 2;
            t.TrailingLinkCrcRemoved = true;
        }

        _formats.Learn(t);
        return true;
    }

    /// <summary>
    /// CI 0x79 at <paramref name="i"/>: format signature (2 bytes, LSB first), CRC-16 of the equivalent full
    /// frame's records (2 bytes, LSB first), then only the data of each record. The records are rebuilt in
    /// the telegram buffer (DIF/VIF from the remembered format, data from the frame) and parsed as usual.
    /// </summary>
    private bool DecodeCompact(MBusTelegram t, int i, int end)
    {
        var b = t.Buffer;
        if (end - i < 5)
        {
            return t.Fail("compact frame (CI 0x79) truncated: format signature and CRC need 4 bytes, got " + (end - i - 1).ToString());
        }

        var signature = b[i + 1] | (b[i + 2] << 8);
        var crc = b[i + 3] | (b[i + 4] << 8);
        t.CompactSignature = signature;
        var slot = _formats.Find(signature);
        if (slot < 0)
        {
            return t.Fail("compact frame (CI 0x79): format signature " + MBusHex.Word(signature) + " unknown, a full frame must be decoded first");
        }

        var start = i + 5;
        var dataLength = end - start;
        var formatLength = _formats.FormatLength(slot);
        if (start + formatLength + dataLength > MBusTelegram.BufferSize)
        {
            return t.Fail("compact frame (CI 0x79): records too long to rebuild");
        }

        // Move the data up by the format length (backwards: the ranges overlap), then interleave forwards;
        // the write position never passes the read position.
        for (var k = dataLength - 1; k >= 0; k--)
        {
            b[start + formatLength + k] = b[start + k];
        }

        var read = start + formatLength;
        var readEnd = read + dataLength;
        var write = start;
        var f = 0;
        while (f < formatLength)
        {
            var dif = _formats.FormatByte(slot, f);
            var length = DataFieldReader.FixedLength(dif & 0x0F);
            for (var part = 0; part < 2; part++)
            {
                // part 0: DIF and DIFEs, part 1: VIF and VIFEs; each runs while bit 7 is set.
                var more = true;
                while (more && f < formatLength)
                {
                    var x = _formats.FormatByte(slot, f++);
                    b[write++] = x;
                    more = (x & 0x80) != 0;
                }
            }

            if (read + length > readEnd)
            {
                return t.Fail("compact frame (CI 0x79): " + dataLength.ToString() + " data bytes, format " + MBusHex.Word(signature) + " needs more");
            }

            for (var k = 0; k < length; k++)
            {
                b[write++] = b[read++];
            }
        }

        if (read != readEnd)
        {
            return t.Fail("compact frame (CI 0x79): " + dataLength.ToString() + " data bytes, format " + MBusHex.Word(signature) + " needs " + (dataLength - (readEnd - read)).ToString());
        }

        t.Length = write;
        t.CompactCrcOk = WMBusCrc.Compute(b, start, write - start) == crc;
        return DataRecordParser.Parse(t, start, write);
    }
}
