using System.Text;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Iridium;

/// <summary>
/// A virtual Iridium 9603 SBD transceiver on a pseudo-terminal, answering the AT commands of the ISU AT Command
/// Reference that the gateway's driver uses: AT, ATE0/1, AT&amp;K0/3, +CSQ, +SBDMTA, +SBDWB, +SBDIX[A], +SBDRB, +SBDD.
/// Sessions take simulated time, fail with real MO status codes at a configurable rate (always 32 without signal),
/// and move MO messages to <see cref="MoReceived"/> and queued MT messages into the MT buffer. Every byte on its
/// serial wire is counted. Time comes from the injected <see cref="TimeProvider"/>; a session blocks the modem (as
/// on the real one, commands sent meanwhile wait in the line's buffer).
/// </summary>
public sealed partial class Virtual9603 : VirtualSerialDevice
{
    private readonly Virtual9603Options _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly Queue<byte[]> _mtQueue = new();
    private readonly StringBuilder _line = new();
    private bool _echo = true;
    private bool _ringAlerts;
    private byte[]? _moBuffer;
    private byte[]? _mtBuffer;
    private int _momsn;
    private int _mtmsn;
    private int _bars;
    private bool _signalPinned;
    private DateTimeOffset _lastSignalStep;
    private long _fromDriver;
    private long _toDriver;

    /// <summary>Creates the modem (powered up: echo on, ring alerts off, empty buffers); call <see cref="VirtualSerialDevice.Start"/>.</summary>
    public Virtual9603(Virtual9603Options options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _random = new Random(options.Seed);
        _bars = Math.Clamp(options.InitialSignalBars, 0, 5);
        _lastSignalStep = time.GetUtcNow();
    }

    /// <summary>An MO message reached the Iridium gateway (raised on the modem's thread; handlers must not block).</summary>
    public event EventHandler<SbdMoMessage>? MoReceived;

    /// <summary>The modem's IMEI.</summary>
    public string Imei => _options.Imei;

    /// <summary>Bytes the driver wrote to the modem.</summary>
    public long BytesFromDriver => Interlocked.Read(ref _fromDriver);

    /// <summary>Bytes the modem wrote to the driver.</summary>
    public long BytesToDriver => Interlocked.Read(ref _toDriver);

    /// <summary>All bytes on the serial wire, both directions.</summary>
    public long WireBytes => BytesFromDriver + BytesToDriver;

    /// <summary>Sessions started (+SBDIX and +SBDIXA).</summary>
    public int Sessions { get; private set; }

    /// <summary>Sessions that ended with a failure MO status.</summary>
    public int FailedSessions { get; private set; }

    /// <summary>MO messages delivered.</summary>
    public int MoDelivered { get; private set; }

    /// <summary>Bytes of MO messages delivered over the air (what Iridium bills).</summary>
    public long MoBytes { get; private set; }

    /// <summary>Bytes of MT messages received over the air.</summary>
    public long MtBytes { get; private set; }

    /// <summary>+CSQ queries answered.</summary>
    public int SignalQueries { get; private set; }

    /// <summary>The MO status of every session, in order.</summary>
    public IReadOnlyList<int> SessionStatuses
    {
        get
        {
            lock (_lock)
            {
                return [.. _statuses];
            }
        }
    }

    /// <summary>MT messages waiting at the (virtual) Iridium gateway.</summary>
    public int MtQueued
    {
        get
        {
            lock (_lock)
            {
                return _mtQueue.Count;
            }
        }
    }

    /// <summary>Signal now, 0..5 bars.</summary>
    public int SignalBars
    {
        get
        {
            lock (_lock)
            {
                return CurrentBars();
            }
        }
    }

    /// <summary>Sets the signal and stops any random walk of it.</summary>
    public void SetSignalBars(int bars)
    {
        lock (_lock)
        {
            _bars = Math.Clamp(bars, 0, 5);
            _signalPinned = true;
        }
    }

    /// <summary>
    /// Queues an MT message at the Iridium gateway, as the cloud would; with ring alerts on (+SBDMTA=1) the modem
    /// announces it with the unsolicited <c>SBDRING</c>.
    /// </summary>
    public void QueueMt(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            _mtQueue.Enqueue([.. message]);
            if (_ringAlerts)
            {
                SendLocked("SBDRING\r\n");
            }
        }
    }

    /// <summary>Garbles one byte of the next +SBDWB message on the line, so the modem sees a checksum mismatch (answer 2).</summary>
    public void InjectLineNoise()
    {
        lock (_lock)
        {
            _noiseNext = true;
        }
    }

    /// <inheritdoc />
    protected override void OnBytes(byte[] buffer, int offset, int count)
    {
        Interlocked.Add(ref _fromDriver, count);
        for (var i = offset; i < offset + count; i++)
        {
            bool? session;
            lock (_lock)
            {
                session = Feed(buffer[i]);
            }

            if (session is { } answerRing)
            {
                RunSession(answerRing);
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            lock (_lock)
            {
                _writeTimer?.Dispose();
                _writeTimer = null;
            }
        }
    }

    private int CurrentBars()
    {
        if (_options.SignalChangeInterval is { } step && !_signalPinned && step > TimeSpan.Zero)
        {
            var now = _time.GetUtcNow();
            while (now - _lastSignalStep >= step)
            {
                _bars = Math.Clamp(_bars + _random.Next(-1, 2), 0, 5);
                _lastSignalStep += step;
            }
        }

        return _bars;
    }

    private void SendLocked(string text) => SendLocked(Encoding.ASCII.GetBytes(text));

    private void SendLocked(byte[] bytes)
    {
        Send(bytes);
        Interlocked.Add(ref _toDriver, bytes.Length);
    }
}
