namespace Edge.Gateway.Links.Ip;

/// <summary>Bytes through a link's sockets, both directions (thread-safe).</summary>
internal sealed class WireCounter
{
    private long _bytes;

    /// <summary>Bytes so far.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Adds bytes.</summary>
    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
}
