using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>
/// A serial line whose other end follows a script: each write (a request) takes the next scripted reply, given as
/// chunks; an empty chunk is a gap (one read times out there), an empty reply is silence. Reads never block: a read
/// with nothing pending returns 0 at once, as a timeout would. Records the requests and every read's timeout.
/// </summary>
public sealed class ScriptedSerialLink : ISerialLink
{
    private readonly Queue<byte[][]> _replies = new();
    private readonly Queue<byte[]> _pending = new();

    public List<byte[]> Writes { get; } = [];

    public List<int> ReadTimeouts { get; } = [];

    public (int Baud, int DataBits, int Parity, int StopBits) Line { get; private set; }

    /// <summary>Queues the reply to the next request, in chunks (an empty chunk is a gap).</summary>
    public void Reply(params byte[][] chunks) => _replies.Enqueue(chunks);

    /// <summary>Queues a whole reply given in hex.</summary>
    public void ReplyHex(string hex) => Reply(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));

    /// <summary>Queues silence as the reply to the next request.</summary>
    public void Silence() => _replies.Enqueue([]);

    /// <summary>Bytes arriving before the next request is written (line noise).</summary>
    public void Noise(byte[] bytes) => _pending.Enqueue(bytes);

    public void Configure(int baudRate, int dataBits, int parity, int stopBits) => Line = (baudRate, dataBits, parity, stopBits);

    public void Write(byte[] buffer, int index, int count)
    {
        Writes.Add(buffer.AsSpan(index, count).ToArray());
        _pending.Clear();
        if (_replies.Count > 0)
        {
            foreach (var chunk in _replies.Dequeue())
            {
                _pending.Enqueue(chunk);
            }
        }
    }

    public int Read(byte[] buffer, int index, int count, int timeoutMs)
    {
        ReadTimeouts.Add(timeoutMs);
        if (_pending.Count == 0)
        {
            return 0;
        }

        var chunk = _pending.Peek();
        if (chunk.Length == 0)
        {
            _pending.Dequeue();
            return 0;
        }

        var n = Math.Min(count, chunk.Length);
        Array.Copy(chunk, 0, buffer, index, n);
        _pending.Dequeue();
        if (n < chunk.Length)
        {
            var rest = chunk[n..];
            var others = _pending.ToArray();
            _pending.Clear();
            _pending.Enqueue(rest);
            foreach (var other in others)
            {
                _pending.Enqueue(other);
            }
        }

        return n;
    }

    public void DiscardInput()
    {
        // Noise queued before a request is dropped here, as the driver's flush would.
        _pending.Clear();
    }
}
