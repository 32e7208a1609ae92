namespace Edge.Gateway.Radio;

/// <summary>Cuts a receiver's byte stream into wM-Bus telegrams (L field first), skipping what does not fit.</summary>
internal interface IWMBusFramer
{
    /// <summary>Adds received bytes.</summary>
    void Append(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// The next telegram, or false when more bytes are needed. A broken frame or line gives true with
    /// <paramref name="telegram"/> null and <paramref name="error"/> saying why.
    /// </summary>
    bool TryTake(out byte[]? telegram, out string? error);

    /// <summary>Bytes skipped since the last call (noise before a start of frame, broken frames).</summary>
    long TakeSkippedBytes();
}
