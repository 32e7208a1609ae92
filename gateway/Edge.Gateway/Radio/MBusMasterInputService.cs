using System.Globalization;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.MBus;
using Edge.Firmware.MBus.Master;
using Edge.Gateway.Diagnostics;

namespace Edge.Gateway.Radio;

/// <summary>
/// A wired M-Bus segment on a serial level converter: the gateway is the master (<see cref="MBusMaster"/>, the
/// firmware's portable one, over <see cref="PosixSerialPort"/>). Every <see cref="SerialInputOptions.PollInterval"/>
/// it reads each configured primary and secondary address (and, with <see cref="SerialInputOptions.Search"/>, the
/// meters the wildcard search found at start) and stores each meter's volume. A meter that does not answer is
/// logged with the master's reason and counted; the others are still read.
/// </summary>
internal sealed partial class MBusMasterInputService : BackgroundService
{
    private readonly SerialInputOptions _options;
    private readonly string _name;
    private readonly MeterReadingSink _sink;
    private readonly GatewayCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<MBusMasterInputService> _logger;
    private readonly MBusTelegram _telegram = new();
    private readonly List<uint> _secondary = [];

    public MBusMasterInputService(SerialInputOptions options, string name, MeterReadingSink sink, GatewayCounters counters, TimeProvider time, ILogger<MBusMasterInputService> logger)
    {
        _options = options;
        _name = name;
        _sink = sink;
        _counters = counters;
        _time = time;
        _logger = logger;
        foreach (var address in options.SecondaryAddresses)
        {
            _secondary.Add(uint.Parse(address, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var baud = _options.Baud > 0 ? _options.Baud : InputKinds.DefaultBaud(_options.Kind);
        var searched = !_options.Search;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var port = new PosixSerialPort(_options.Port);
                var master = new MBusMaster(port) { Retries = _options.Retries };
                master.Configure(baud);
                if (_options.ResponseTimeout > TimeSpan.Zero)
                {
                    master.ResponseTimeoutMs = (int)Math.Ceiling(_options.ResponseTimeout.TotalMilliseconds);
                }

                LogOpened(_logger, _name, _options.Port, baud, _options.PrimaryAddresses.Count, _secondary.Count, _options.Search);
                while (true)
                {
                    if (!searched)
                    {
                        await SearchAsync(master, stoppingToken).ConfigureAwait(false);
                        searched = true;
                    }
                    else
                    {
                        await PollAsync(master, stoppingToken).ConfigureAwait(false);
                    }

                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                LogPortFailed(_logger, ex, _name, _options.Port, _options.ReopenDelay);
                await Task.Delay(_options.ReopenDelay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SearchAsync(MBusMaster master, CancellationToken cancellationToken)
    {
        // The search reads every meter it finds: those readouts are this cycle's readings.
        var collector = new ReadoutCollector(_name, -1);
        var found = await Task.Run(() => master.Search(_telegram, collector), cancellationToken).ConfigureAwait(false);
        LogSearched(_logger, _name, found, master.LastSearchUnresolved);
        foreach (var reading in collector.Readings)
        {
            var id = uint.Parse(reading.Device[^8..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (!_secondary.Contains(id))
            {
                _secondary.Add(id);
            }
        }

        await StoreAsync(collector, "search", cancellationToken).ConfigureAwait(false);
        foreach (var address in _options.PrimaryAddresses)
        {
            await ReadAsync(master, address, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(MBusMaster master, CancellationToken cancellationToken)
    {
        foreach (var address in _options.PrimaryAddresses)
        {
            await ReadAsync(master, address, null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in _secondary.ToArray())
        {
            await ReadAsync(master, MBusControl.SelectedAddress, new MBusSecondaryAddress(id), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(MBusMaster master, int address, MBusSecondaryAddress? secondary, CancellationToken cancellationToken)
    {
        var collector = new ReadoutCollector(_name, address);
        var what = secondary is null ? "primary " + address.ToString(CultureInfo.InvariantCulture) : "secondary " + secondary;

        // Blocking serial I/O (at most a few seconds with retries) off the host's threads.
        var result = await Task.Run(
            () => secondary is null ? master.ReadAll(address, _telegram, collector) : master.ReadSecondary(secondary, _telegram, collector),
            cancellationToken).ConfigureAwait(false);
        if (result != MBusMasterResult.Ok && collector.Readings.Count == 0)
        {
            _counters.TelegramFailed();
            LogReadFailed(_logger, _name, what, master.LastError ?? MBusMasterResult.Name(result));
            return;
        }

        await StoreAsync(collector, what, cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(ReadoutCollector collector, string what, CancellationToken cancellationToken)
    {
        foreach (var error in collector.Errors)
        {
            _counters.TelegramFailed();
            LogReadFailed(_logger, _name, what, error);
        }

        var receivedMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var reading in collector.Readings)
        {
            // Every poll is a new observation, even with an unchanged register: no repetition check.
            await _sink.StoreAsync(reading, receivedMs, dedupe: false, _name, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: M-Bus master on {Port} at {Baud} baud 8E1: {Primary} primary, {Secondary} secondary addresses, search {Search}")]
    private static partial void LogOpened(ILogger logger, string input, string port, int baud, int primary, int secondary, bool search);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: serial port {Port} failed; reopening in {Delay}")]
    private static partial void LogPortFailed(ILogger logger, Exception error, string input, string port, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: secondary address search found {Found} meters ({Unresolved} unresolved collisions)")]
    private static partial void LogSearched(ILogger logger, string input, int found, int unresolved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: reading {What} failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string input, string what, string reason);
}
