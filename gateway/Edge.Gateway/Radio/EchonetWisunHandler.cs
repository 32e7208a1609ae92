using Edge.Firmware.Echonet;
using Edge.Firmware.Host;

namespace Edge.Gateway.Radio;

/// <summary>
/// The ECHONET Lite side of a <c>wisun-broute</c> input, built on the firmware's <see cref="EchonetMeterPoller"/> and
/// <see cref="EchonetRequester"/>: finds the meter object (<see cref="WisunBrouteOptions.MeterEoj"/>, else the node's
/// instance list: the INF of 0xD5 a node sends when it starts, or a Get of the node profile's 0xD6), reads its
/// identification number 0x83 (the device id: <c>echonet-</c> and its 17 bytes in hex; a meter without one is
/// <c>wisun-</c> and the MAC address of its beacon), then lets the poller read scale and cumulative register every
/// <see cref="SerialInputOptions.PollInterval"/>, fill gaps from the meter's historical data after an outage and take
/// notifications. Values arrive in SI units (<see cref="EchonetWisunChannels"/>) and are stored like any meter's
/// (<see cref="MeterReadingSink"/>); what could not be committed stays pending and is tried again. A half-hour grid
/// value (fixed-time INF, history) is stored once; fault and abnormal-value changes become events (.Status.cs).
/// </summary>
internal sealed partial class EchonetWisunHandler : IWisunPayloadHandler, IEchonetReadingSink, IEchonetNotificationHandler
{
    // Values kept while the store refuses them (a full or failing disk) before the oldest are dropped.
    private const int MaxPending = 20_000;

    // Grid values remembered against duplicates before old ones are forgotten (two channels × 48 slots × 100 days).
    private const int GridTakenMax = 9_600;

    private readonly WisunBrouteOptions _options;
    private readonly TimeSpan _pollInterval;
    private readonly MeterReadingSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger<EchonetWisunHandler> _logger;
    private readonly TimeProviderClock _clock;
    private readonly LinkSlot _link = new();
    private readonly EchonetRequester _discovery;
    private readonly EchonetValue _value = new();
    private readonly Lock _lock = new();
    private readonly List<MeterObservation> _pending = [];
    private readonly HashSet<(string Channel, long At)> _gridTaken = [];
    private int _meterEoj;
    private long _identifyAfterMs;
    private EchonetMeterPoller? _poller;

    public EchonetWisunHandler(WisunBrouteOptions options, TimeSpan pollInterval, MeterReadingSink sink, TimeProvider time, ILogger<EchonetWisunHandler> logger)
    {
        _options = options;
        _pollInterval = pollInterval;
        _sink = sink;
        _time = time;
        _logger = logger;
        _clock = new TimeProviderClock(time);
        _discovery = new EchonetRequester(_link, _clock, this) { TimeoutMs = AnswerTimeoutMs, Retries = 1 };
        _meterEoj = WisunBrouteOptions.TryParseEoj(options.MeterEoj, out var eoj) ? eoj : 0;
    }

    /// <summary>The device id once known.</summary>
    public string? Device { get; private set; }

    /// <summary>The meter object read (0xGGCCII), 0 until found.</summary>
    public int MeterEoj => _meterEoj;

    /// <summary>The poller, once the meter is identified (its counters are diagnostics).</summary>
    public EchonetMeterPoller? Poller => _poller;

    /// <summary>Values waiting for the store.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>A copy of the values waiting for the store (diagnostics).</summary>
    public MeterObservation[] PendingSnapshot()
    {
        lock (_lock)
        {
            return [.. _pending];
        }
    }

    private int AnswerTimeoutMs => (int)Math.Ceiling(_options.AnswerTimeout.TotalMilliseconds);

    public void SessionUp(string input, WisunMeterLink meter)
    {
        _identifyAfterMs = 0;
        _poller?.DueNow();
    }

    public void Poll(string input, WisunMeterLink meter)
    {
        _link.Current = meter;
        if (_poller is null)
        {
            if (_clock.UptimeMs < _identifyAfterMs)
            {
                return;
            }

            if (!Identify(input, meter))
            {
                _identifyAfterMs = _clock.UptimeMs + (long)_options.RetryDelay.TotalMilliseconds;
                return;
            }
        }

        TickPoller();
    }

    public void Listen(string input, WisunMeterLink meter, int timeoutMs)
    {
        _link.Current = meter;
        (_poller?.Requester ?? _discovery).Listen(timeoutMs);
    }

    public async ValueTask FlushAsync(string input, CancellationToken cancellationToken)
    {
        MeterObservation[] batch;
        lock (_lock)
        {
            if (_pending.Count == 0 || Device is null)
            {
                return;
            }

            batch = [.. _pending];
        }

        var stored = await _sink.StoreObservationsAsync(Device, batch, _time.GetUtcNow().ToUnixTimeMilliseconds(), input, cancellationToken).ConfigureAwait(false);
        if (stored)
        {
            lock (_lock)
            {
                _pending.RemoveRange(0, batch.Length);
            }
        }
    }

    /// <summary>From the poller: one value in SI units.</summary>
    public void OnReading(int eoj, int epc, long observedUnixMs, long mantissa, int exponent, string unit)
    {
        if (!EchonetWisunChannels.TryMap(eoj >> 8, epc, unit, mantissa, exponent, out var channel, out var m, out var scale))
        {
            return;
        }

        lock (_lock)
        {
            // A half-hour grid value (fixed-time INF, history) already taken is not stored twice.
            if (IsGridValue(epc) && !_gridTaken.Add((channel, observedUnixMs)))
            {
                return;
            }

            PruneGridTaken(observedUnixMs);
            if (_pending.Count >= MaxPending)
            {
                _pending.RemoveAt(0);
                LogPendingFull(_logger, Device ?? "?", MaxPending);
            }

            var flags = epc == 0xE0 ? TakeStatusFlags() : 0;
            _pending.Add(new MeterObservation(channel, unit, m, scale, observedUnixMs, flags));
        }
    }

    /// <summary>Notifications before the meter is known: the node's instance list (0xD5/0xD6) names the meter object.</summary>
    public void OnNotification(EchonetFrame frame)
    {
        if (_meterEoj == 0 && frame.SeojClass == EchonetClass.NodeProfile)
        {
            _meterEoj = MeterIn(frame);
        }
    }

    /// <summary>Fixed-time values 0xEA/0xEB and historical slots 0xE2/0xE4: stamped on the meter's half-hour grid.</summary>
    private static bool IsGridValue(int epc) => epc is 0xEA or 0xEB or 0xE2 or 0xE4;

    /// <summary>Forgets grid values older than the history a gap fill can reach (99 days and a margin).</summary>
    private void PruneGridTaken(long nowUnixMs)
    {
        if (_gridTaken.Count > GridTakenMax)
        {
            var oldest = nowUnixMs - (101 * 86_400_000L);
            _gridTaken.RemoveWhere(g => g.At < oldest);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Device}: {Max} values wait for the store; the oldest is dropped")]
    private static partial void LogPendingFull(ILogger logger, string device, int max);

    /// <summary>The transport the requesters hold: the current port's meter link (a reopened port brings a new one).</summary>
    private sealed class LinkSlot : IEchonetTransport
    {
        public WisunMeterLink? Current { get; set; }

        public bool Send(byte[] buffer, int offset, int length) => Current?.Send(buffer, offset, length) ?? false;

        public int Receive(byte[] buffer, int offset, int count, int timeoutMs) => Current?.Receive(buffer, offset, count, timeoutMs) ?? 0;
    }
}
