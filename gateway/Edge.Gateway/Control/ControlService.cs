using System.Device.Gpio;
using System.Threading.Channels;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Southbound;
using Edge.Uplink.Control;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Control;

/// <summary>
/// Runs <see cref="GatewayControl"/>: reads the local disaster switches (file, GPIO, seismic trigger) every
/// <see cref="ControlOptions.LocalCheckInterval"/>; every <see cref="ControlOptions.PollInterval"/> asks the ingest for
/// the desired document over the first IP link that answers (<c>If-None-Match</c>), or, when none does, looks for an
/// Iridium ring alert and reads the queued MT messages; publishes the device intervals on each device's config topic;
/// reports every change (<c>PUT .../reported</c> over IP, else one MO message) until it went through.
/// </summary>
internal sealed partial class ControlService : BackgroundService
{
    private readonly GatewayControl _control;
    private readonly GatewayOptions _settings;
    private readonly ControlOptions _options;
    private readonly LinkRouter? _router;
    private readonly MqttBrokerService? _broker;
    private readonly SensorThresholdEvaluator? _seismic;
    private readonly Func<GpioController>? _gpio;
    private readonly TimeProvider _time;
    private readonly ILogger<ControlService> _logger;
    private readonly Channel<byte[]> _mt = Channel.CreateUnbounded<byte[]>();
    private readonly JmaIntensityClass? _seismicClass;
    private GpioController? _controller;
    private string? _etag;
    private DateTimeOffset _nextPoll;

    /// <summary>Creates the service; <paramref name="gpio"/> opens the GPIO controller when a pin is configured.</summary>
    public ControlService(
        GatewayControl control,
        IOptions<GatewayOptions> options,
        TimeProvider time,
        ILogger<ControlService> logger,
        LinkRouter? router = null,
        MqttBrokerService? broker = null,
        SensorThresholdEvaluator? seismic = null,
        Func<GpioController>? gpio = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _control = control;
        _settings = options.Value;
        _options = _settings.Control;
        _router = router;
        _broker = broker;
        _seismic = seismic;
        _gpio = gpio;
        _time = time;
        _logger = logger;
        _seismicClass = ParseIntensity(_options.SeismicClass);
    }

    /// <summary>Desired documents fetched over IP (200 answers).</summary>
    public long Polls { get; private set; }

    /// <summary>The JMA class of a configuration value (<c>"5-"</c>, <c>"FiveLower"</c>); null for empty; throws for anything else.</summary>
    public static JmaIntensityClass? ParseIntensity(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        foreach (var c in Enum.GetValues<JmaIntensityClass>())
        {
            if (JmaIntensityClasses.Code(c) == value.Trim() || string.Equals(c.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        throw new OptionsValidationException(GatewayOptions.SectionName, typeof(ControlOptions), [$"Edge:Gateway:Control:SeismicClass: '{value}' is not a JMA intensity class (0-4, 5-, 5+, 6-, 6+, 7)"]);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _control.Start();
        var satellites = SatelliteLanes().ToList();
        foreach (var (_, link) in satellites)
        {
            link.ControlReceived += OnControlMt;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(_options.LocalCheckInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (_, link) in satellites)
            {
                link.ControlReceived -= OnControlMt;
            }

            _controller?.Dispose();
        }
    }

    /// <summary>One round: MT messages, local switches, device configuration, polling and reporting.</summary>
    internal async Task StepAsync(CancellationToken cancellationToken)
    {
        TakeMt();
        CheckLocal();
        await PublishAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (now >= _nextPoll)
        {
            _nextPoll = now + _options.PollInterval;
            if (!await PollIpAsync(cancellationToken).ConfigureAwait(false))
            {
                await CheckSatelliteAsync(cancellationToken).ConfigureAwait(false);
                TakeMt();
            }
        }

        await ReportAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnControlMt(object? sender, byte[] message)
    {
        if (ControlMessage.TryUnwrap(message, ControlMessage.DesiredMarker, out var json))
        {
            _mt.Writer.TryWrite(json);
        }
    }

    private void TakeMt()
    {
        while (_mt.Reader.TryRead(out var json))
        {
            var (outcome, detail) = _control.Offer(json, "satellite");
            LogOffered(_logger, "satellite", outcome, detail);
        }
    }

    private void CheckLocal()
    {
        if (_options.DisasterFile.Length > 0)
        {
            _control.SetLocal(ControlSources.File, File.Exists(_options.DisasterFile));
        }

        if (_options.GpioPin >= 0 && _gpio is not null)
        {
            _control.SetLocal(ControlSources.Gpio, ReadGpio());
        }

        if (_seismicClass is { } atLeast && _seismic is not null)
        {
            var last = _seismic.LastIntensityAtOrAbove(atLeast);
            _control.SetLocal(ControlSources.Seismic, last is { } ms && _time.GetUtcNow().ToUnixTimeMilliseconds() - ms < (long)_options.SeismicHold.TotalMilliseconds);
        }
    }

    private bool ReadGpio()
    {
        try
        {
            if (_controller is null)
            {
                _controller = _gpio!();
                var mode = _options.GpioActiveLow && _controller.IsPinModeSupported(_options.GpioPin, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
                _controller.OpenPin(_options.GpioPin, mode);
            }

            var high = _controller.Read(_options.GpioPin) == PinValue.High;
            return high != _options.GpioActiveLow;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            LogGpioFailed(_logger, ex, _options.GpioPin);
            _controller?.Dispose();
            _controller = null;
            return false;
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (_broker is not { IsStarted: true } broker || _control.PendingPublish() is not { } pending)
        {
            return;
        }

        var plan = pending.Plan;
        var payload = DeviceConfigPayload.Encode(plan.AppliedVersion, plan.SamplingSeconds, plan.ReportingSeconds, plan.DisasterMode);
        foreach (var device in _settings.Devices)
        {
            await broker.PublishRetainedAsync(DeviceConfigTopic.For(device.Id), payload, cancellationToken).ConfigureAwait(false);
        }

        _control.MarkPublished(pending.Serial);
        LogPublished(_logger, _settings.Devices.Count, plan.SamplingSeconds, plan.ReportingSeconds, plan.DisasterMode);
    }

    /// <summary>Asks the first IP link that answers; true when one did (200 or 304).</summary>
    private async Task<bool> PollIpAsync(CancellationToken cancellationToken)
    {
        foreach (var (lane, http) in IpLanes())
        {
            var result = await http.ExchangeAsync(HttpMethod.Get, DesiredPath, null, _etag, cancellationToken).ConfigureAwait(false);
            lane.Charge(result.WireBytes, _time.GetUtcNow());
            if (result.Status == 304 || result.Status == 404)
            {
                return true;
            }

            if (result.Status == 200)
            {
                Polls++;
                var (outcome, detail) = _control.Offer(result.Body, $"ip ({lane.Name})");
                _etag = outcome == DesiredOutcome.Rejected ? null : result.ETag;
                LogOffered(_logger, lane.Name, outcome, detail);
                return true;
            }

            LogPollFailed(_logger, lane.Name, result.Detail);
        }

        return false;
    }

    private async Task CheckSatelliteAsync(CancellationToken cancellationToken)
    {
        foreach (var (lane, link) in SatelliteLanes())
        {
            var result = await link.CheckMailboxAsync(_options.MailboxWait, cancellationToken).ConfigureAwait(false);
            lane.Charge(result.WireBytes, _time.GetUtcNow());
            if (result.Outcome == LinkOutcome.Transient)
            {
                LogMailboxFailed(_logger, lane.Name, result.Detail);
            }
        }
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        if (_control.PendingReport() is not { } pending)
        {
            return;
        }

        var json = ReportedStateJson.Write(pending.State);
        foreach (var (lane, http) in IpLanes())
        {
            var result = await http.ExchangeAsync(HttpMethod.Put, ReportedPath, json, null, cancellationToken).ConfigureAwait(false);
            lane.Charge(result.WireBytes, _time.GetUtcNow());
            if (result.Status is >= 200 and < 300)
            {
                _control.MarkReported(pending.Serial, lane.Name);
                LogReported(_logger, lane.Name, pending.State.AppliedVersion, pending.State.DisasterMode);
                return;
            }

            LogReportFailed(_logger, lane.Name, result.Detail);
        }

        var message = ControlMessage.Reported(pending.State);
        foreach (var (lane, link) in SatelliteLanes())
        {
            var now = _time.GetUtcNow();
            if (lane.Room(TrafficClass.Alarm, lane.Link.EstimateWireBytes(message.Length), now) is not { } allowance)
            {
                LogReportFailed(_logger, lane.Name, "no budget left for the report");
                continue;
            }

            var result = await link.SendControlAsync(message, allowance == long.MaxValue ? null : allowance, cancellationToken).ConfigureAwait(false);
            lane.Charge(result.WireBytes, _time.GetUtcNow());
            if (result.Outcome == LinkOutcome.Acknowledged)
            {
                _control.MarkReported(pending.Serial, lane.Name);
                LogReported(_logger, lane.Name, pending.State.AppliedVersion, pending.State.DisasterMode);
                return;
            }

            LogReportFailed(_logger, lane.Name, result.Detail);
        }
    }

    private string DesiredPath => $"/v1/gateways/{Uri.EscapeDataString(_settings.Id)}/desired";

    private string ReportedPath => $"/v1/gateways/{Uri.EscapeDataString(_settings.Id)}/reported";

    // IP links that are not known to be down, in alarm order.
    private IEnumerable<(LinkLane Lane, IControlHttp Http)> IpLanes()
    {
        var now = _time.GetUtcNow();
        return (_router?.Lanes ?? []).Where(l => l.Link is IControlHttp && l.State(now) != LaneState.Down).Select(l => (l, (IControlHttp)l.Link));
    }

    private IEnumerable<(LinkLane Lane, ISatelliteControl Link)> SatelliteLanes() =>
        (_router?.Lanes ?? []).Where(l => l.Link is ISatelliteControl).Select(l => (l, (ISatelliteControl)l.Link));

    [LoggerMessage(Level = LogLevel.Information, Message = "desired configuration via {Via}: {Outcome} ({Detail})")]
    private static partial void LogOffered(ILogger logger, string via, DesiredOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "desired configuration not fetched over {Link}: {Detail}")]
    private static partial void LogPollFailed(ILogger logger, string link, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "mailbox check over {Link} failed: {Detail}")]
    private static partial void LogMailboxFailed(ILogger logger, string link, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "device configuration published to {Devices} device(s): sampling {Sampling} s, reporting {Reporting} s, disaster {Disaster}")]
    private static partial void LogPublished(ILogger logger, int devices, int sampling, int reporting, bool disaster);

    [LoggerMessage(Level = LogLevel.Information, Message = "configuration state reported over {Link}: applied version {Version}, disaster {Disaster}")]
    private static partial void LogReported(ILogger logger, string link, long version, bool disaster);

    [LoggerMessage(Level = LogLevel.Debug, Message = "report not sent over {Link}: {Detail}")]
    private static partial void LogReportFailed(ILogger logger, string link, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPIO disaster switch on pin {Pin} cannot be read; it counts as off")]
    private static partial void LogGpioFailed(ILogger logger, Exception error, int pin);
}
