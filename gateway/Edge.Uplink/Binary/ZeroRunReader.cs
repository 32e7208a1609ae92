namespace Edge.Uplink.Binary;

/// <summary>Reads exactly <c>count</c> values of a signed column written by <see cref="ZeroRunWriter"/>.</summary>
internal struct ZeroRunReader
{
    private int _remaining;
    private long _zeros;

    public ZeroRunReader(int count) => _remaining = count;

    public long Next(ref ByteReader reader)
    {
        _remaining--;
        if (_zeros > 0)
        {
            _zeros--;
            return 0;
        }

        var value = reader.ReadSVarint();
        if (value != 0)
        {
            return value;
        }

        // A zigzag varint that decodes to 0 is the one-byte token 0x00: a zero run follows.
        var run = reader.ReadUVarint();
        if (run == 0)
        {
            throw reader.Error("zero run of length 0");
        }

        if (run - 1 > (ulong)_remaining)
        {
            throw reader.Error($"zero run of {run} overruns the {_remaining + 1} remaining values");
        }

        _zeros = (long)run - 1;
        return 0;
    }
}
