namespace Edge.Gateway.Links.Iridium;

/// <summary>What an SBD session's MO status means for the next attempt (see <see cref="SbdMoStatus.Advise"/>).</summary>
public enum SbdRetryAdvice
{
    /// <summary>0..4: the MO message (if any) reached the Iridium gateway.</summary>
    Delivered,

    /// <summary>A session-level failure (timeout, RF drop, protocol error): retry after the normal backoff.</summary>
    RetryWithBackoff,

    /// <summary>No network service or antenna/radio trouble: wait until +CSQ shows signal again, then retry.</summary>
    WaitForSignal,

    /// <summary>The modem or the network is busy or asked us to wait (35, 36; 11 MO queue full): retry after a long wait (≥ 3 min for 36).</summary>
    RetryLater,

    /// <summary>Access denied, modem locked or a malformed message (12, 14, 15, 16): retrying the same thing will not help.</summary>
    GiveUp,
}
