namespace Edge.Gateway.Links;

/// <summary>
/// The remote-configuration path through a narrowband satellite link (Iridium SBD): desired documents arrive as
/// mobile-terminated messages (ring alert, +SBDIXA, +SBDRB), reports leave as small mobile-originated messages.
/// </summary>
public interface ISatelliteControl
{
    /// <summary>Raised with every MT message that is a control message (first byte <c>0xC1</c>), on the sending thread.</summary>
    event EventHandler<byte[]>? ControlReceived;

    /// <summary>
    /// Looks for a ring alert for up to <paramref name="wait"/> and, when one came (or an MT message is known to be
    /// queued), runs mailbox sessions until the queue is empty. <see cref="LinkOutcome.Deferred"/> when a send holds the
    /// modem (its sessions read MT messages too).
    /// </summary>
    Task<LinkResult> CheckMailboxAsync(TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Sends one MO message (at most 340 bytes) in one session; acknowledged when the Iridium gateway took it.</summary>
    Task<LinkResult> SendControlAsync(byte[] message, long? maxWireBytes, CancellationToken cancellationToken);
}
