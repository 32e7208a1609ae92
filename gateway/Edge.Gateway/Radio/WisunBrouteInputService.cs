using Edge.Firmware.Host;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.Wisun;

namespace Edge.Gateway.Radio;

/// <summary>
/// A Wi-SUN module (SKSTACK-IP, ROHM BP35A1 / BP35C0 family) on a serial port reaching a smart meter's B-route:
/// joins with the firmware's portable <see cref="WisunBrouteClient"/>, sends the handler's requests every
/// <see cref="SerialInputOptions.PollInterval"/>, and hands every payload from the meter (answers and INF) to the
/// <see cref="IWisunPayloadHandler"/>. A lost session (meter away, module reset) is joined again after
/// <see cref="WisunBrouteOptions.RejoinDelay"/>; a failed port is reopened after <see cref="SerialInputOptions.ReopenDelay"/>.
/// Payloads are opaque here: decoding ECHONET Lite is the handler's job.
/// </summary>
internal sealed partial class WisunBrouteInputService(
    SerialInputOptions options, string name, IWisunPayloadHandler handler, TimeProvider time, ILogger<WisunBrouteInputService> logger) : BackgroundService
{
    // Longest blocking receive: bounds how late cancellation and the next poll are noticed.
    private static readonly TimeSpan _listenSlice = TimeSpan.FromSeconds(1);

    /// <summary>Sessions joined.</summary>
    public int Joins { get; private set; }

    /// <summary>Payloads handed to the handler.</summary>
    public int Payloads { get; private set; }

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
                var client = new WisunBrouteClient(port, new TimeProviderClock(time), Config(wisun, wisun.AnswerTimeout));
                LogOpened(logger, name, options.Port, baud, wisun.Module);
                await RunAsync(client, wisun, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (IOException ex)
            {
                LogPortFailed(logger, ex, name, options.Port, options.ReopenDelay);
                await Task.Delay(options.ReopenDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(WisunBrouteClient client, WisunBrouteOptions wisun, CancellationToken cancellationToken)
    {
        var nextPoll = time.GetUtcNow();
        var timeoutMs = (int)Math.Ceiling(wisun.AnswerTimeout.TotalMilliseconds);
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
            }

            if (time.GetUtcNow() >= nextPoll)
            {
                nextPoll = time.GetUtcNow() + options.PollInterval;
                foreach (var request in handler.RequestsForPoll(name))
                {
                    var e = await Task.Run(() => client.Request(request, 0, request.Length, timeoutMs), cancellationToken).ConfigureAwait(false);
                    Check(e, client);
                    if (e == WisunError.Ok)
                    {
                        await DeliverAsync(client, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    LogRequestFailed(logger, name, WisunError.Name(e), WisunState.Name(client.State));
                    if (!client.IsJoined)
                    {
                        break;
                    }
                }
            }

            var wait = nextPoll - time.GetUtcNow();
            var slice = wait < _listenSlice ? wait : _listenSlice;
            if (slice > TimeSpan.Zero && client.IsJoined)
            {
                var r = await Task.Run(() => client.Receive((int)Math.Ceiling(slice.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
                Check(r, client);
                if (r == WisunError.Ok)
                {
                    await DeliverAsync(client, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task DeliverAsync(WisunBrouteClient client, CancellationToken cancellationToken)
    {
        Payloads++;
        var payload = client.Received.AsSpan(0, client.ReceivedLength).ToArray();
        await handler.HandleAsync(name, payload, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: request to the meter failed: {Reason}; session {State}")]
    private static partial void LogRequestFailed(ILogger logger, string input, string reason, string state);
}
