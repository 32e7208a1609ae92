using Edge.Firmware.Host.Serial;
using Edge.Firmware.MBus;
using Edge.Gateway.Diagnostics;

namespace Edge.Gateway.Radio;

/// <summary>
/// A wM-Bus receiver on a serial port (iM871A or a hex-line printer): reads with <see cref="PosixSerialPort"/>, cuts
/// telegrams with an <see cref="IWMBusFramer"/>, decodes them with the firmware's <see cref="WMBusDecoder"/> and
/// <see cref="PortableWMBusCipher"/> using the configured keys, and stores the volume of configured meters through
/// <see cref="MeterReadingSink"/>. Bad telegrams are logged with the reason and counted; the port is reopened after
/// I/O errors. Never throws out of <see cref="ExecuteAsync"/> except on shutdown.
/// </summary>
internal sealed partial class WMBusInputService : BackgroundService
{
    private readonly SerialInputOptions _options;
    private readonly string _name;
    private readonly IWMBusFramer _framer;
    private readonly MeterDirectory _meters;
    private readonly MeterReadingSink _sink;
    private readonly GatewayCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger<WMBusInputService> _logger;
    private readonly WMBusDecoder _decoder = new() { Cipher = new PortableWMBusCipher() };
    private readonly MBusTelegram _telegram = new();

    public WMBusInputService(SerialInputOptions options, string name, MeterReadingSink sink, GatewayCounters counters, TimeProvider time, ILogger<WMBusInputService> logger)
    {
        _options = options;
        _name = name;
        _framer = options.Kind == InputKinds.Im871a ? new Im871aFramer() : new HexLineFramer();
        _meters = new MeterDirectory(options.Keys);
        _sink = sink;
        _counters = counters;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var buffer = new byte[1024];
        var baud = _options.Baud > 0 ? _options.Baud : InputKinds.DefaultBaud(_options.Kind);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var port = new PosixSerialPort(_options.Port, baud, 8, 0, 1);
                LogOpened(_logger, _name, _options.Kind, _options.Port, baud, _meters.Count);
                while (true)
                {
                    var n = await port.ReadAsync(buffer, 0, buffer.Length, stoppingToken).ConfigureAwait(false);
                    _framer.Append(buffer.AsSpan(0, n));
                    await DrainAsync(stoppingToken).ConfigureAwait(false);
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

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (_framer.TryTake(out var telegram, out var error))
        {
            if (telegram is null)
            {
                _counters.TelegramFailed();
                LogBadFrame(_logger, _name, error ?? "broken frame");
                continue;
            }

            await HandleAsync(telegram, cancellationToken).ConfigureAwait(false);
        }

        var skipped = _framer.TakeSkippedBytes();
        if (skipped > 0)
        {
            _counters.InputGarbage(skipped);
            LogSkipped(_logger, _name, skipped);
        }
    }

    private async Task HandleAsync(byte[] frame, CancellationToken cancellationToken)
    {
        var receivedMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!MeterDirectory.TryReadLinkAddress(frame, out var manufacturer, out var id))
        {
            _counters.TelegramFailed();
            LogBadFrame(_logger, _name, $"telegram of {frame.Length} bytes is too short for a link layer header");
            return;
        }

        var listed = _meters.IsListed(manufacturer, id);
        if (!listed && !_options.AcceptUnlisted)
        {
            _counters.TelegramIgnored();
            LogIgnored(_logger, _name, MeterDirectory.Letters(manufacturer), MBusTelegram.IdText(id));
            return;
        }

        if (!_decoder.TryDecode(frame, 0, frame.Length, _meters.KeyOf(manufacturer, id), _telegram))
        {
            _counters.TelegramFailed();
            LogDecodeFailed(_logger, _name, MeterDirectory.Letters(manufacturer), MBusTelegram.IdText(id), _telegram.Error ?? "unknown");
            return;
        }

        var device = MeterIdentity.Wireless(_telegram);
        var reading = MeterReadingMapper.Map(_telegram, device, frame, out var error);
        if (reading is null)
        {
            _counters.TelegramFailed();
            LogDecodeFailed(_logger, _name, MeterDirectory.Letters(manufacturer), MBusTelegram.IdText(id), error ?? "no reading");
            return;
        }

        await _sink.StoreAsync(reading, receivedMs, dedupe: true, _name, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: {Kind} receiver on {Port} at {Baud} baud, {Meters} meters configured")]
    private static partial void LogOpened(ILogger logger, string input, string kind, string port, int baud, int meters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: serial port {Port} failed; reopening in {Delay}")]
    private static partial void LogPortFailed(ILogger logger, Exception error, string input, string port, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: {Reason}")]
    private static partial void LogBadFrame(ILogger logger, string input, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Input}: skipped {Bytes} bytes to resynchronise")]
    private static partial void LogSkipped(ILogger logger, string input, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Input}: telegram of unconfigured meter {Manufacturer}-{Id} ignored")]
    private static partial void LogIgnored(ILogger logger, string input, string manufacturer, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: telegram of {Manufacturer}-{Id} not stored: {Reason}")]
    private static partial void LogDecodeFailed(ILogger logger, string input, string manufacturer, string id, string reason);
}
