namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The MO status codes of <c>+SBDIX</c> (ISU AT Command Reference §10.14 +SBDIX[A]) and what each means for retry.
/// </summary>
/// <remarks>
/// Gateway-reported: 0 sent; 1 sent, but the MT message was too big; 2 sent, location update not accepted;
/// 3..4 reserved, success; 5..8 reserved, failure; 10 the call did not complete in the allowed time; 11 MO queue at
/// the gateway full; 12 too many segments; 13 session did not complete; 14 invalid segment size; 15 access denied.
/// ISU-reported: 16 ISU locked (+CULK); 17 gateway not responding (local session timeout); 18 connection lost (RF
/// drop); 19 link failure (protocol error); 20..31 reserved, failure; 32 no network service; 33 antenna fault;
/// 34 radio disabled (*Rn); 35 ISU busy (e.g. an automatic registration); 36 try later, must wait 3 minutes since the
/// last registration; 37.. reserved, failure.
/// </remarks>
public static class SbdMoStatus
{
    /// <summary>10: the call did not complete in the allowed time.</summary>
    public const int GatewayTimeout = 10;

    /// <summary>13: the gateway reported that the session did not complete.</summary>
    public const int SessionIncomplete = 13;

    /// <summary>17: no answer from the gateway (local session timeout).</summary>
    public const int LocalTimeout = 17;

    /// <summary>18: connection lost (RF drop).</summary>
    public const int RfDrop = 18;

    /// <summary>19: link failure (a protocol error ended the call).</summary>
    public const int LinkFailure = 19;

    /// <summary>32: no network service, the call could not start.</summary>
    public const int NoNetworkService = 32;

    /// <summary>35: the ISU is busy.</summary>
    public const int Busy = 35;

    /// <summary>36: try later, 3 minutes must pass since the last registration.</summary>
    public const int TryLater = 36;

    /// <summary>True for 0..4: the MO message, if any, was transferred.</summary>
    public static bool IsSuccess(int status) => status is >= 0 and <= 4;

    /// <summary>What <paramref name="status"/> means for the next attempt.</summary>
    public static SbdRetryAdvice Advise(int status) => status switch
    {
        >= 0 and <= 4 => SbdRetryAdvice.Delivered,
        32 or 33 or 34 => SbdRetryAdvice.WaitForSignal,
        11 or 35 or 36 => SbdRetryAdvice.RetryLater,
        12 or 14 or 15 or 16 => SbdRetryAdvice.GiveUp,

        // 5..8, 10, 13, 17..31, 37..: the session failed on the way; another session may well succeed.
        _ => SbdRetryAdvice.RetryWithBackoff,
    };

    /// <summary>A short text for logs.</summary>
    public static string Describe(int status) => status switch
    {
        0 => "sent",
        1 => "sent; the MT message was too big",
        2 => "sent; location update not accepted",
        3 or 4 => "sent (reserved code)",
        10 => "call did not complete in the allowed time",
        11 => "MO queue at the gateway is full",
        12 => "too many segments",
        13 => "session did not complete",
        14 => "invalid segment size",
        15 => "access denied",
        16 => "modem locked",
        17 => "gateway not responding (local session timeout)",
        18 => "connection lost (RF drop)",
        19 => "link failure (protocol error)",
        32 => "no network service",
        33 => "antenna fault",
        34 => "radio disabled",
        35 => "modem busy",
        36 => "try later (3 minutes since last registration)",
        _ => "failure (reserved code)",
    };
}
