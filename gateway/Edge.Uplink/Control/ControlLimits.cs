namespace Edge.Uplink.Control;

/// <summary>The ranges CONTROL.md allows; the gateway and the ingest check documents against the same ones.</summary>
public static class ControlLimits
{
    /// <summary>Shortest sampling or reporting interval.</summary>
    public const int MinIntervalSeconds = 10;

    /// <summary>Longest sampling interval (a day).</summary>
    public const int MaxSamplingSeconds = 86_400;

    /// <summary>Longest reporting interval (a week).</summary>
    public const int MaxReportingSeconds = 7 * 86_400;

    /// <summary>Longest TTL (ten years).</summary>
    public const double MaxTtlDays = 3650;

    /// <summary>Longest disaster reason.</summary>
    public const int MaxReasonChars = 200;

    /// <summary>Largest JSON document accepted.</summary>
    public const int MaxDocumentBytes = 16 * 1024;

    /// <summary>Largest mobile-terminated SBD message (Iridium 9602/9603: 270 bytes).</summary>
    public const int MaxMtBytes = 270;

    /// <summary>Largest mobile-originated SBD message (340 bytes).</summary>
    public const int MaxMoBytes = 340;

    /// <summary>Store classes a profile may set.</summary>
    public static readonly IReadOnlyList<string> StoreClasses = ["alarm", "status", "reading", "backfill"];

    /// <summary>Traffic classes a link may be allowed.</summary>
    public static readonly IReadOnlyList<string> TrafficClasses = ["alarm", "status", "reading", "backfill", "gap"];

    /// <summary>Whether <paramref name="name"/> may name a link: 1-32 of a-z, 0-9, '-'.</summary>
    public static bool IsLinkName(string name) =>
        name.Length is > 0 and <= 32 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
