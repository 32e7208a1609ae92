namespace Edge.Gateway.Control;

/// <summary>Sampling and reporting intervals of the devices.</summary>
public sealed class DeviceIntervals
{
    /// <summary>Seconds between readings.</summary>
    public int SamplingSeconds { get; set; }

    /// <summary>Seconds between sends.</summary>
    public int ReportingSeconds { get; set; }
}
