using Edge.Firmware.Echonet;
using Edge.Firmware.Hardware;
using Edge.Firmware.Wisun;

namespace Edge.Gateway.Radio;

/// <summary>
/// The joined meter as an ECHONET Lite datagram path (<see cref="IEchonetTransport"/>) over the input's
/// <see cref="WisunBrouteClient"/>: Send is SKSENDTO, Receive takes the next ERXUDP payload. A payload that is not an
/// ECHONET Lite frame is logged with the decoder's reason and skipped (the caller never sees it). A request sent here
/// that gets no answer before the caller's wait ends counts toward the client's unanswered limit, so a meter that
/// keeps its radio up but stops answering is also found lost.
/// </summary>
internal sealed partial class WisunMeterLink(WisunBrouteClient client, IClock clock, string input, ILogger logger) : IEchonetTransport
{
    private readonly EchonetFrame _check = new();
    private bool _awaitingAnswer;

    /// <summary>The client underneath.</summary>
    public WisunBrouteClient Client => client;

    /// <summary>The meter's MAC address from its beacon (EPANDESC Addr).</summary>
    public long MeterMac => client.Pan.Address;

    /// <summary>True while the session is up.</summary>
    public bool IsJoined => client.IsJoined;

    /// <summary>The last error of the client (one of <see cref="WisunError"/>).</summary>
    public int LastError => client.LastError;

    /// <summary>Payloads taken from the meter (good frames).</summary>
    public int Payloads { get; private set; }

    /// <summary>Payloads refused as not ECHONET Lite.</summary>
    public int BadFrames { get; private set; }

    /// <inheritdoc />
    public bool Send(byte[] buffer, int offset, int length)
    {
        var e = client.Send(buffer, offset, length);
        if (e != WisunError.Ok)
        {
            LogSendFailed(logger, input, WisunError.Name(e), WisunState.Name(client.State));
            return false;
        }

        _awaitingAnswer = true;
        return true;
    }

    /// <inheritdoc />
    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        var deadline = clock.UptimeMs + Math.Max(0, timeoutMs);
        while (true)
        {
            var left = deadline - clock.UptimeMs;
            var e = client.Receive(left <= 0 ? 0 : (int)left);
            if (e != WisunError.Ok)
            {
                if (e == WisunError.NoAnswer && _awaitingAnswer)
                {
                    _awaitingAnswer = false;
                    client.NoteUnanswered();
                }

                return 0;
            }

            if (!_check.TryDecode(client.Received, 0, client.ReceivedLength))
            {
                BadFrames++;
                LogBadFrame(logger, input, _check.ErrorText ?? "undecodable", Convert.ToHexString(client.Received, 0, client.ReceivedLength));
                continue;
            }

            _awaitingAnswer = false;
            Payloads++;
            if (client.ReceivedLength > count)
            {
                return -1;
            }

            Array.Copy(client.Received, 0, buffer, offset, client.ReceivedLength);
            return client.ReceivedLength;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Input}: payload from the meter is not an ECHONET Lite frame ({Reason}); dropped: {Hex}")]
    private static partial void LogBadFrame(ILogger logger, string input, string reason, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: request to the meter failed: {Reason}; session {State}")]
    private static partial void LogSendFailed(ILogger logger, string input, string reason, string state);
}
