using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Control;

/// <summary>What disaster mode changes when the desired document says nothing else.</summary>
public sealed class DisasterProfileOptions
{
    /// <summary>Device intervals in disaster mode.</summary>
    public DeviceIntervals Devices { get; set; } = new() { SamplingSeconds = 300, ReportingSeconds = 600 };

    /// <summary>Every class's TTL is multiplied by this (keep everything longer).</summary>
    public double TtlFactor { get; set; } = 3;

    /// <summary>Link whose policy changes (normally the satellite link); empty for none.</summary>
    public string Link { get; set; } = "iridium";

    /// <summary>Classes that link carries in disaster mode.</summary>
    public TrafficClass Allow { get; set; } = TrafficClass.Alarm | TrafficClass.Status | TrafficClass.Reading | TrafficClass.Gap;

    /// <summary>Separate emergency budget of that link per day (wire bytes; 0: none).</summary>
    public long DailyBytes { get; set; } = 200_000;

    /// <summary>Separate emergency budget of that link per month (wire bytes; 0: none).</summary>
    public long MonthlyBytes { get; set; } = 2_000_000;
}
