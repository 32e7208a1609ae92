using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Links.Iridium;

/// <summary>The narrowband satellite link (<c>Edge:Gateway:Links:Iridium</c>).</summary>
public sealed class IridiumLinkOptions
{
    /// <summary>Serial device of the 9602/9603, e.g. <c>/dev/ttyUSB1</c>; empty: no satellite link.</summary>
    public string Port { get; set; } = "";

    /// <summary>Largest MO message: 340 bytes on the 9602/9603.</summary>
    public int MaxMessageBytes { get; set; } = IridiumModem.MaxMoBytes;

    /// <summary>Bars (+CSQ) needed before a session is started; Iridium recommends 2 or more.</summary>
    public int MinSignalBars { get; set; } = 2;

    /// <summary>How often +CSQ is asked while the signal is too weak.</summary>
    public TimeSpan SignalPollInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait for signal within one send; then the send ends as transient.</summary>
    public TimeSpan SignalWaitLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>First delay after a failed session; doubles per further failure (with jitter).</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest delay between sessions.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait after MO status 36 ("must wait 3 minutes since last registration") and 35/11 (busy, queue full).</summary>
    public TimeSpan RetryLaterDelay { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Failed sessions in a row after which one send gives up (transient; the uplink tries again later).</summary>
    public int MaxSessionFailures { get; set; } = 20;

    /// <summary>How long to wait for the endpoint's MT acknowledgement after the last fragment.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A send interrupted by failed sessions resumes at the first undelivered fragment within this window (the endpoint keeps partials for hours).</summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What the link may carry and spend (budgets count the serial wire: AT commands, answers, SBD framing).</summary>
    public LinkPolicyOptions Policy { get; set; } = new();

    /// <summary>Timing of the modem driver.</summary>
    public IridiumModemOptions Modem { get; set; } = new();
}
