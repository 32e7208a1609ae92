using Edge.Firmware.Host;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.Wisun;

namespace Edge.Gateway.Radio;

/// <summary>
/// A Wi-SUN module (SKSTACK-IP, ROHM BP35A1 / BP35C0 family) on a serial port reaching a smart meter's B-route:
/// joins with the firmware's portable <see cref="WisunBrouteClient"/>, then, while the session is up, lets the
/// <see cref="IWisunPayloadHandler"/> (ECHONET Lite: <see cref="EchonetWisunHandler"/>) poll about once a second (it
/// decides what is due) and listen in between, and stores what it produced after each step. A lost session (meter
/// away, module reset) is joined again after <see cref="WisunBrouteOptions.RejoinDelay"/>; a failed port is reopened
/// after <see cref="SerialInputOptions.ReopenDelay"/>. The handler's blocking exchanges run off the host's threads.
/// </summary>
internal sealed partial class WisunBrouteInputService(
    SerialInputOptions options, string name, IWisunPayloadHandler handler, TimeProvider time, ILogger<WisunBrouteInputService> logger) : BackgroundService
{
    // Longest blocking listen: bounds how late cancellation and the next poll are noticed.
    private const int ListenSliceMs = 1000;

    /// <summary>Sessions joined.</summary>
    public int Joins { get; private set; }

    /// <summary>The current port's meter link (diagnostics and tests).</summary>
    public WisunMeterLink? Link { get; private set; }

    /// <summary>The module client's settings from the input's options.</summary>
    public static WisunBrouteConfig Config(WisunBrouteOptions wisun, TimeSpan answerTimeout) => new()
    {
        Password = wisun.Password,
        RouteBId = wisun.RouteBId,
        Generation = string.Equals(wisun.Module, "bp35c0", StringComparison.OrdinalIgnoreCase) ? WisunModuleGeneration.Bp35C0 : WisunModuleGeneration.Bp35A1,
        ScanDurationFirst = wisun.ScanDurationFirst,
        ScanDurationMax = wisun.ScanDurationMax,
        AnswerTimeoutMs = (int)Math.Ceiling(answerTimeout.TotalMilliseconds),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var baud = options.Baud > 0 ? options.Baud : InputKinds.DefaultBaud(options.Kind);
        var wisun = options.Wisun ?? new WisunBrouteOptions();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var port = new PosixSerialPort(options.Port, baud, 8, 0, 1);
                var clock = new TimeProviderClock(time);
                var client = new WisunBrouteClient(port, clock, Config(wisun, wisun.AnswerTimeout));
                Link = new WisunMeterLink(client, clock, name, logger);
                LogOpened(logger, name, options.Port, baud, wisun.Module);
                await RunAsync(client, Link, wisun, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                LogPortFailed(logger, ex, name, options.Port, options.ReopenDelay);
                try
                {
                    await Task.Delay(options.ReopenDelay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(WisunBrouteClient client, WisunMeterLink link, WisunBrouteOptions wisun, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!client.IsJoined)
            {
                // Blocking serial I/O (a scan takes seconds) off the host's threads.
                var e = await Task.Run(client.Connect, cancellationToken).ConfigureAwait(false);
                Check(e, client);
                if (e != WisunError.Ok)
                {
                    LogJoinFailed(logger, name, WisunError.Name(e), client.LastFailCode, wisun.RejoinDelay);
                    await Task.Delay(wisun.RejoinDelay, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Joins++;
                LogJoined(logger, name, client.Pan.Channel, client.Pan.PanId, client.MeterAddress, client.LastConnectMs);
                handler.SessionUp(name, link);
            }

            await StepAsync(() => handler.Poll(name, link), client, cancellationToken).ConfigureAwait(false);
            if (client.IsJoined)
            {
                await StepAsync(() => handler.Listen(name, link, ListenSliceMs), client, cancellationToken).ConfigureAwait(false);
            }

            if (!client.IsJoined && client.State == WisunState.Lost)
            {
                LogSessionLost(logger, name, WisunError.Name(client.LastError));
            }
        }
    }

    /// <summary>One blocking step of the handler on a worker thread, then its results to the store. Its failures never end the input.</summary>
    private async Task StepAsync(Action step, WisunBrouteClient client, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(step, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(logger, ex, name);
        }

        Check(client.LastError, client);
        await handler.FlushAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The client reports a failed port as a result code; the port is reopened like after any I/O error.</summary>
    private void Check(int error, WisunBrouteClient client)
    {
        if (error == WisunError.LinkError)
        {
            throw new IOException(name + ": serial link to the Wi-SUN module failed (" + WisunState.Name(client.State) + ")");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: Wi-SUN module ({Module}) on {Port} at {Baud} baud")]
    private static partial void LogOpened(ILogger logger, string input, string port, int baud, string module);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: serial port {Port} failed; reopening in {Delay}")]
    private static partial void LogPortFailed(ILogger logger, Exception error, string input, string port, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: B-route join failed: {Reason} (FAIL ER{Fail}); retrying in {Delay}")]
    private static partial void LogJoinFailed(ILogger logger, string input, string reason, int fail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: B-route joined: channel {Channel}, PAN {PanId}, meter {Address}, in {Ms} ms")]
    private static partial void LogJoined(ILogger logger, string input, int channel, int panId, string address, long ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: B-route session lost ({Reason}); scanning again")]
    private static partial void LogSessionLost(ILogger logger, string input, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Input}: the meter handler failed; going on")]
    private static partial void LogHandlerFailed(ILogger logger, Exception error, string input);
}
