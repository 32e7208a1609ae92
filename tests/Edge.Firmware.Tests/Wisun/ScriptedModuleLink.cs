using Edge.Firmware.Hardware;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Wisun;

/// <summary>
/// An in-memory SKSTACK-IP module script: each Write (the client writes one command per call) goes to
/// <see cref="Respond"/>, whose text answer is queued for reading. A Read with nothing queued advances the
/// fake clock by its timeout and returns 0, so timeouts run in fake time.
/// </summary>
internal sealed class ScriptedModuleLink(FakeClock clock) : ISerialLink
{
    private readonly Queue<byte> _pending = new();

    public Func<string, string?> Respond { get; set; } = _ => null;

    public List<string> Commands { get; } = [];

    public void Configure(int baudRate, int dataBits, int parity, int stopBits)
    {
    }

    public void Write(byte[] buffer, int index, int count)
    {
        // Every command but SKSENDTO (whose DATALEN counts the bytes) must end in CR LF (BP35A1 command reference §2).
        var text = System.Text.Encoding.Latin1.GetString(buffer, index, count);
        if (!text.StartsWith("SKSENDTO ", StringComparison.Ordinal))
        {
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            text = text[..^2];
        }

        Commands.Add(text);
        var answer = Respond(text);
        if (answer != null)
        {
            Push(answer);
        }
    }

    public void Push(string text)
    {
        foreach (var b in System.Text.Encoding.Latin1.GetBytes(text))
        {
            _pending.Enqueue(b);
        }
    }

    public int Read(byte[] buffer, int index, int count, int timeoutMs)
    {
        if (_pending.Count == 0)
        {
            clock.Advance(timeoutMs);
            return 0;
        }

        // Small chunks, as a UART delivers them.
        var n = Math.Min(Math.Min(count, 7), _pending.Count);
        for (var i = 0; i < n; i++)
        {
            buffer[index + i] = _pending.Dequeue();
        }

        return n;
    }

    public void DiscardInput() => _pending.Clear();
}
