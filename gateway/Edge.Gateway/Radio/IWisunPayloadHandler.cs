namespace Edge.Gateway.Radio;

/// <summary>
/// The seam between a <c>wisun-broute</c> input (which joins the meter's PAN and carries opaque UDP payloads on
/// port 3610) and the ECHONET Lite layer above it: what to ask each poll, and what to do with what the meter sends.
/// </summary>
public interface IWisunPayloadHandler
{
    /// <summary>The payloads to send to the meter this poll, in order (each is answered or times out before the next).</summary>
    IReadOnlyList<byte[]> RequestsForPoll(string input);

    /// <summary>A payload from the meter: an answer or a notification (INF); <paramref name="payload"/> is the handler's to keep.</summary>
    ValueTask HandleAsync(string input, byte[] payload, DateTimeOffset received, CancellationToken cancellationToken);
}
