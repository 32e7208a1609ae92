namespace Edge.Gateway.Links.Iridium;

/// <summary>Timing of the 9602/9603 driver.</summary>
public sealed class IridiumModemOptions
{
    /// <summary>Longest wait for the answer to an ordinary command (AT, +CSQ, +SBDWB, +SBDRB, ...).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest wait for <c>+SBDIX</c>: a session takes seconds to tens of seconds and the modem ends it itself
    /// (status 17 local session timeout), so this is only a safety net.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Enable SBD ring alerts (<c>AT+SBDMTA=1</c>) so MT messages are announced by <c>SBDRING</c>.</summary>
    public bool RingAlerts { get; set; } = true;
}
