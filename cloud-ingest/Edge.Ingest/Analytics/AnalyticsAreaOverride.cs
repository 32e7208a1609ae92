namespace Edge.Ingest.Analytics;

/// <summary>
/// Per-area settings that replace the defaults (<c>Edge:Ingest:Analytics:Areas:{areaId}:...</c>); an unset value
/// keeps the default.
/// </summary>
public sealed class AnalyticsAreaOverride
{
    /// <summary>Night flow threshold, m³/h.</summary>
    public decimal? NightFlowThresholdM3PerHour { get; set; }

    /// <summary>Burst limit, m³/h (instead of each meter's Q3).</summary>
    public decimal? BurstLimitM3PerHour { get; set; }

    /// <summary>Backflowing meters in one hour for a suspected pressure loss.</summary>
    public int? PressureLossMeters { get; set; }

    /// <summary>Disaster mode: a suspected outage needs one hour instead of two.</summary>
    public bool? DisasterMode { get; set; }

    /// <summary>Households behind one meter (e.g. 3.5 where meters serve apartment buildings).</summary>
    public decimal? HouseholdsPerMeter { get; set; }

    /// <summary>Share of normally active meters reading zero for a suspected outage.</summary>
    public decimal? OutageZeroShare { get; set; }

    /// <summary>Area volume as a share of the baseline for a suspected outage.</summary>
    public decimal? OutageVolumeShare { get; set; }

    /// <summary>Fewest normally active meters in the hour for an outage to be declared.</summary>
    public int? MinNormallyActiveMeters { get; set; }

    /// <summary>Smallest baseline volume of the hour, m³, for an outage to be declared.</summary>
    public decimal? MinBaselineVolumeM3 { get; set; }
}
