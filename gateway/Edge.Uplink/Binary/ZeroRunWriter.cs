namespace Edge.Uplink.Binary;

/// <summary>
/// Writes a signed column (BATCH-FORMAT.md, "Signed columns"): each non-zero value as a zigzag varint, each
/// run of zeros as the token 0x00 followed by the run length as a uvarint (≥ 1). A non-zero value's first
/// byte is never 0x00, so the token is unambiguous.
/// </summary>
internal struct ZeroRunWriter
{
    private readonly ByteWriter _writer;
    private long _zeros;

    public ZeroRunWriter(ByteWriter writer) => _writer = writer;

    public void Add(long value)
    {
        if (value == 0)
        {
            _zeros++;
            return;
        }

        FlushZeros();
        _writer.WriteSVarint(value);
    }

    /// <summary>Writes a pending zero run; call once after the last value of the column.</summary>
    public void Complete() => FlushZeros();

    private void FlushZeros()
    {
        if (_zeros == 0)
        {
            return;
        }

        _writer.WriteByte(0);
        _writer.WriteUVarint((ulong)_zeros);
        _zeros = 0;
    }
}
