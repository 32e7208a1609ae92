namespace Edge.Gateway.Control;

/// <summary>
/// Remote configuration and disaster mode (<c>Edge:Gateway:Control</c>; gateway README "Remote configuration and
/// disaster mode"). The profiles here are the gateway's own; a desired document from the cloud overrides them field by field.
/// </summary>
public sealed class ControlOptions
{
    /// <summary>How often the ingest is asked for the desired document while an IP link is healthy.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the local switches (file, GPIO, seismic trigger) are looked at.</summary>
    public TimeSpan LocalCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>While no IP link is healthy: how long each look for an Iridium ring alert (a queued MT message) may wait.</summary>
    public TimeSpan MailboxWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>File kept in <see cref="Hosting.GatewayOptions.DataDir"/> with the last good desired document.</summary>
    public string DesiredFile { get; set; } = "desired.json";

    /// <summary>Disaster mode is on while this file exists; empty for no file switch.</summary>
    public string DisasterFile { get; set; } = "/etc/edge/disaster";

    /// <summary>GPIO pin (logical numbering) of a disaster switch; -1 for none.</summary>
    public int GpioPin { get; set; } = -1;

    /// <summary>The GPIO switch is on when the pin reads low (a switch to ground with the pull-up on).</summary>
    public bool GpioActiveLow { get; set; } = true;

    /// <summary>
    /// JMA intensity class code (<c>"5-"</c>, <c>"6+"</c>, ...) at or above which the gateway's own seismic sensor
    /// switches disaster mode on; empty for no seismic trigger.
    /// </summary>
    public string SeismicClass { get; set; } = "";

    /// <summary>How long the seismic trigger keeps disaster mode on after the last strong reading.</summary>
    public TimeSpan SeismicHold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Sampling and reporting intervals outside disaster mode, sent to the devices.</summary>
    public DeviceIntervals Normal { get; set; } = new() { SamplingSeconds = 3600, ReportingSeconds = 3600 };

    /// <summary>The gateway's own disaster profile.</summary>
    public DisasterProfileOptions Disaster { get; set; } = new();
}
