using System.Globalization;
using System.Text;
using Edge.Firmware.Wisun;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Wisun;

/// <summary>
/// A virtual Wi-SUN module speaking SKSTACK-IP (ROHM BP35A1, or the BP35C0 format) on a pseudo-terminal, with one
/// <see cref="VirtualBrouteMeter"/> in radio range. Commands answer as the command reference describes (echo until
/// SKSREG SFE 0, OK / FAIL ERxx); the radio takes simulated time from the injected <see cref="TimeProvider"/>: an
/// active scan lasts 10 ms × (2^duration + 1) per channel and reports the meter's beacon (EVENT 20 + EPANDESC) when
/// the meter is present and the duration long enough, PANA ends in EVENT 25 only with the meter's channel, PAN ID,
/// address and credentials, SKSENDTO delivers the payload to the meter's responder and its answer comes back as
/// ERXUDP after the meter's delay. Faults: the meter's switches, <see cref="ExpireSession"/>, <see cref="Reset"/>.
/// </summary>
public sealed partial class VirtualWisunModule : VirtualSerialDevice
{
    private readonly VirtualWisunModuleOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<ITimer> _timers = [];
    private readonly List<byte> _input = [];
    private int _generation;
    private bool _disposed;
    private bool _echo = true;
    private bool _hexData;
    private int _channel = 33;
    private int _panId = 0xFFFF;
    private string _password = string.Empty;
    private string _routeBId = string.Empty;
    private bool _session;
    private bool _scanning;
    private int _sendToLength = -1;
    private long _fromDriver;
    private long _toDriver;

    /// <summary>Creates the module (power-on state) with <paramref name="meter"/> in range; call <see cref="VirtualSerialDevice.Start"/>.</summary>
    public VirtualWisunModule(VirtualWisunModuleOptions options, VirtualBrouteMeter meter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        Meter = meter;
        _hexData = options.HexDataAtStart;
        meter.Push = PushFromMeter;
    }

    /// <summary>The meter in range.</summary>
    public VirtualBrouteMeter Meter { get; }

    /// <summary>The module's link-local address.</summary>
    public string LinkLocal => VirtualBrouteMeter.LinkLocalOf(_options.Mac);

    /// <summary>True while a PANA session is up.</summary>
    public bool SessionUp
    {
        get
        {
            lock (_lock)
            {
                return _session;
            }
        }
    }

    /// <summary>Active scans run.</summary>
    public int Scans { get; private set; }

    /// <summary>PANA sessions established.</summary>
    public int SessionsEstablished { get; private set; }

    /// <summary>Datagrams delivered to the meter.</summary>
    public int DatagramsToMeter { get; private set; }

    /// <summary>Datagrams from the meter sent to the driver as ERXUDP.</summary>
    public int DatagramsFromMeter { get; private set; }

    /// <summary>Bytes the driver wrote.</summary>
    public long BytesFromDriver => Interlocked.Read(ref _fromDriver);

    /// <summary>Sees every line to and from the driver (diagnostics; called under the module's lock).</summary>
    public Action<string>? Trace { get; set; }

    /// <summary>Bytes sent to the driver.</summary>
    public long BytesToDriver => Interlocked.Read(ref _toDriver);

    /// <summary>
    /// The meter pushes a frame (an ECHONET Lite INF) to the all-nodes multicast address, delivered as ERXUDP if a
    /// session is up; returns whether it was.
    /// </summary>
    public bool PushFromMeter(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        lock (_lock)
        {
            if (!_session || !Meter.Present || _disposed)
            {
                return false;
            }

            SendDatagram(payload, "FF02:0000:0000:0000:0000:0000:0000:0001");
            return true;
        }
    }

    /// <summary>The session lifetime ends (EVENT 29); the module re-authenticates: EVENT 25 if the meter is there, else EVENT 24 and no session.</summary>
    public void ExpireSession()
    {
        lock (_lock)
        {
            if (!_session)
            {
                return;
            }

            Event(SkStackEvent.SessionExpired, Meter.LinkLocal);
            if (Meter.Present)
            {
                After(_options.PanaTime, () => Event(SkStackEvent.PanaSucceeded, Meter.LinkLocal));
            }
            else
            {
                After(_options.PanaTimeout, () =>
                {
                    _session = false;
                    Event(SkStackEvent.PanaFailed, Meter.LinkLocal);
                });
            }
        }
    }

    /// <summary>A reset (brown-out, watchdog): registers, credentials, session and pending events are gone; echo back on. WOPT is in flash and stays.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _generation++;
            _echo = true;
            _channel = 33;
            _panId = 0xFFFF;
            _password = string.Empty;
            _routeBId = string.Empty;
            _session = false;
            _scanning = false;
            _sendToLength = -1;
            _input.Clear();
        }
    }

    /// <inheritdoc />
    protected override void OnBytes(byte[] buffer, int offset, int count)
    {
        Interlocked.Add(ref _fromDriver, count);
        lock (_lock)
        {
            for (var i = offset; i < offset + count; i++)
            {
                Feed(buffer[i]);
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // Before the pty closes: no timer nor announcement may write to it afterwards.
        if (disposing)
        {
            lock (_lock)
            {
                _disposed = true;
                _session = false;
                _generation++;
                foreach (var t in _timers)
                {
                    t.Dispose();
                }

                _timers.Clear();
            }

            Meter.Push = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>Runs <paramref name="action"/> under the lock after <paramref name="delay"/> of simulated time, unless the module was reset meanwhile.</summary>
    private void After(TimeSpan delay, Action action)
    {
        var generation = _generation;
        ITimer? timer = null;
        timer = _time.CreateTimer(_ =>
        {
            lock (_lock)
            {
                if (timer is not null)
                {
                    _timers.Remove(timer);
                    timer.Dispose();
                }

                if (generation == _generation)
                {
                    action();
                }
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private string Side => _options.Generation == WisunModuleGeneration.Bp35C0 ? " 0" : string.Empty;

    private void Event(int number, string sender, int? param = null)
    {
        var p = param is { } v ? string.Create(CultureInfo.InvariantCulture, $" {v:X2}") : string.Empty;
        Line(string.Create(CultureInfo.InvariantCulture, $"EVENT {number:X2} {sender}{Side}{p}"));
    }

    private void Line(string text)
    {
        Trace?.Invoke("> " + text);
        Raw(Encoding.ASCII.GetBytes(text + "\r\n"));
    }

    private void Raw(byte[] bytes)
    {
        Send(bytes);
        Interlocked.Add(ref _toDriver, bytes.Length);
    }

    /// <summary>ERXUDP from the meter's port 3610 to ours (BP35A1: ... SENDERLLA SECURED DATALEN DATA; BP35C0: ... SENDERLLA RSSI SECURED SIDE DATALEN DATA).</summary>
    private void SendDatagram(byte[] payload, string destination)
    {
        DatagramsFromMeter++;
        var middle = _options.Generation == WisunModuleGeneration.Bp35C0
            ? string.Create(CultureInfo.InvariantCulture, $"{(byte)(sbyte)_options.RssiDbm:X2} 1 0")
            : "1";
        var head = string.Create(CultureInfo.InvariantCulture,
            $"ERXUDP {Meter.LinkLocal} {destination} 0E1A 0E1A {Meter.Mac:X16} {middle} {payload.Length:X4} ");
        if (_hexData)
        {
            Line(head + Convert.ToHexString(payload));
            return;
        }

        var bytes = new byte[head.Length + payload.Length + 2];
        Encoding.ASCII.GetBytes(head, 0, head.Length, bytes, 0);
        payload.CopyTo(bytes, head.Length);
        bytes[^2] = (byte)'\r';
        bytes[^1] = (byte)'\n';
        Raw(bytes);
    }
}
