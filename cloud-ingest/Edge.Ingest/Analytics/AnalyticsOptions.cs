using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.Sensors;
using Edge.Ingest.Analytics.Watch;

namespace Edge.Ingest.Analytics;

/// <summary>
/// Every analytics threshold, bound from <see cref="SectionName"/>; defaults are issue 8's. A utility changes them in
/// configuration, per area where it makes sense (<see cref="Areas"/>).
/// </summary>
public sealed class AnalyticsOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Edge:Ingest:Analytics";

    /// <summary>Meter alarm thresholds.</summary>
    public MeterAlarmOptions Alarms { get; } = new();

    /// <summary>Welfare watch thresholds.</summary>
    public WelfareRuleOptions Welfare { get; } = new();

    /// <summary>Disaster area status thresholds.</summary>
    public AreaStatusOptions AreaStatus { get; } = new();

    /// <summary>Sensor thresholds.</summary>
    public SensorRuleOptions Sensors { get; } = new();

    /// <summary>Overrides per area id.</summary>
    public IDictionary<string, AnalyticsAreaOverride> Areas { get; } = new Dictionary<string, AnalyticsAreaOverride>(StringComparer.Ordinal);

    /// <summary>The meter alarm thresholds for meters in <paramref name="areaId"/>.</summary>
    public MeterAlarmOptions AlarmsFor(string areaId)
    {
        if (!Areas.TryGetValue(areaId, out var area))
        {
            return Alarms;
        }

        var copy = Alarms.Copy();
        copy.NightFlowThresholdM3PerHour = area.NightFlowThresholdM3PerHour ?? copy.NightFlowThresholdM3PerHour;
        copy.BurstLimitM3PerHour = area.BurstLimitM3PerHour ?? copy.BurstLimitM3PerHour;
        copy.PressureLossMeters = area.PressureLossMeters ?? copy.PressureLossMeters;
        return copy;
    }

    /// <summary>The area status thresholds of <paramref name="areaId"/>.</summary>
    public AreaStatusOptions AreaStatusFor(string areaId)
    {
        if (!Areas.TryGetValue(areaId, out var area))
        {
            return AreaStatus;
        }

        var copy = AreaStatus.Copy();
        copy.DisasterMode = area.DisasterMode ?? copy.DisasterMode;
        copy.HouseholdsPerMeter = area.HouseholdsPerMeter ?? copy.HouseholdsPerMeter;
        copy.OutageZeroShare = area.OutageZeroShare ?? copy.OutageZeroShare;
        copy.OutageVolumeShare = area.OutageVolumeShare ?? copy.OutageVolumeShare;
        copy.MinNormallyActiveMeters = area.MinNormallyActiveMeters ?? copy.MinNormallyActiveMeters;
        copy.MinBaselineVolumeM3 = area.MinBaselineVolumeM3 ?? copy.MinBaselineVolumeM3;
        return copy;
    }
}
