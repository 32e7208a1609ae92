using Edge.Firmware.Hardware;

namespace Edge.HwSim.Sensors.Uart;

/// <summary>
/// A UART sensor as the firmware sees it through <see cref="ISerialLink"/>, on simulated time: a read that
/// finds nothing waits (in simulated milliseconds) for the sensor's next transmission up to its timeout, so
/// drivers run at full speed and deterministically. Faults: garbage bytes injected before frames (line
/// noise, a sensor booting), corrupted frames, an unplugged sensor (nothing arrives, writes vanish).
/// </summary>
public abstract class UartSensorModel : ISerialLink
{
    private readonly Queue<byte> _output = new();
    private readonly Random _rng;

    /// <summary>Creates the model with a seed for its faults.</summary>
    protected UartSensorModel(int seed)
    {
        _rng = new Random(seed);
    }

    /// <summary>Simulated time (ms since the model started).</summary>
    public long NowMs { get; private set; }

    /// <summary>Line settings last configured (baud).</summary>
    public int BaudRate { get; private set; }

    /// <summary>Fault: probability that 1 … <see cref="GarbageMaxBytes"/> random bytes precede a frame.</summary>
    public double GarbageProbability { get; set; }

    /// <summary>Longest garbage burst.</summary>
    public int GarbageMaxBytes { get; set; } = 12;

    /// <summary>Fault: probability that one byte of a frame is flipped (its check then fails).</summary>
    public double CorruptProbability { get; set; }

    /// <summary>Fault: the sensor is unplugged.</summary>
    public bool Unplugged { get; set; }

    /// <summary>Frames sent (ground truth), corrupted ones included.</summary>
    public long FramesSent { get; private set; }

    /// <summary>Garbage bytes injected (ground truth).</summary>
    public long GarbageBytesSent { get; private set; }

    /// <summary>The random source of the model (for its physical noise).</summary>
    protected Random Rng => _rng;

    /// <inheritdoc />
    public void Configure(int baudRate, int dataBits, int parity, int stopBits) => BaudRate = baudRate;

    /// <inheritdoc />
    public void Write(byte[] buffer, int index, int count)
    {
        if (!Unplugged)
        {
            OnReceive(buffer.AsSpan(index, count));
        }
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int index, int count, int timeoutMs)
    {
        var deadline = NowMs + Math.Max(0, timeoutMs);
        while (_output.Count == 0)
        {
            var next = NextTransmissionMs();
            if (next > deadline)
            {
                NowMs = deadline;
                return 0;
            }

            NowMs = Math.Max(NowMs, next);
            Transmit();
        }

        var n = 0;
        while (n < count && _output.Count > 0)
        {
            buffer[index + n++] = _output.Dequeue();
        }

        return n;
    }

    /// <inheritdoc />
    public void DiscardInput() => _output.Clear();

    /// <summary>Advances simulated time without reading (bytes sent meanwhile wait in the receive buffer).</summary>
    public void AdvanceMs(long ms)
    {
        var end = NowMs + ms;
        while (NextTransmissionMs() <= end)
        {
            NowMs = Math.Max(NowMs, NextTransmissionMs());
            Transmit();
        }

        NowMs = end;
    }

    /// <summary>Puts raw bytes on the line now (a test's own garbage).</summary>
    public void InjectBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _output.Enqueue(b);
        }
    }

    /// <summary>When the sensor sends next (simulated ms); <see cref="long.MaxValue"/> when it will not.</summary>
    protected abstract long NextTransmissionMs();

    /// <summary>Sends what is due at <see cref="NowMs"/> through <see cref="Send"/> and schedules the next.</summary>
    protected abstract void Transmit();

    /// <summary>Bytes from the host.</summary>
    protected abstract void OnReceive(ReadOnlySpan<byte> bytes);

    /// <summary>Queues a frame, with the garbage and corruption faults applied; nothing when unplugged.</summary>
    protected void Send(byte[] frame)
    {
        if (Unplugged)
        {
            return;
        }

        if (GarbageProbability > 0 && _rng.NextDouble() < GarbageProbability)
        {
            var n = 1 + _rng.Next(Math.Max(1, GarbageMaxBytes));
            for (var i = 0; i < n; i++)
            {
                _output.Enqueue((byte)_rng.Next(256));
                GarbageBytesSent++;
            }
        }

        var copy = (byte[])frame.Clone();
        if (CorruptProbability > 0 && _rng.NextDouble() < CorruptProbability)
        {
            copy[2 + _rng.Next(copy.Length - 2)] ^= (byte)(1 << _rng.Next(8));
        }

        foreach (var b in copy)
        {
            _output.Enqueue(b);
        }

        FramesSent++;
    }
}
