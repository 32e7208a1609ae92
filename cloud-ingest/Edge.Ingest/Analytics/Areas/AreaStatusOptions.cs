namespace Edge.Ingest.Analytics.Areas;

/// <summary>Thresholds of the disaster area status (<c>Edge:Ingest:Analytics:AreaStatus</c>); defaults from issue 8.</summary>
public sealed class AreaStatusOptions
{
    /// <summary>An hourly volume below this is a zero hour (1 l, the domestic register step).</summary>
    public decimal ZeroBelowM3 { get; set; } = 0.001m;

    /// <summary>A meter is normally active in an hour of the week when it used water in at least this share of the baseline weeks.</summary>
    public decimal ActiveShare { get; set; } = 0.5m;

    /// <summary>Share of normally active meters reading zero for a suspected outage (issue 8: 80 %).</summary>
    public decimal OutageZeroShare { get; set; } = 0.8m;

    /// <summary>Area volume at most this share of the baseline median for a suspected outage (issue 8: 20 %).</summary>
    public decimal OutageVolumeShare { get; set; } = 0.2m;

    /// <summary>Consecutive hours of the outage condition (issue 8: 2).</summary>
    public int OutageHours { get; set; } = 2;

    /// <summary>Consecutive hours of the outage condition in disaster mode (issue 8: 1).</summary>
    public int DisasterOutageHours { get; set; } = 1;

    /// <summary>Whether the area is in disaster mode (set by an operator after an earthquake, per area).</summary>
    public bool DisasterMode { get; set; }

    /// <summary>Share of silent meters that means "communications lost", never an outage (issue 8: 50 %).</summary>
    public decimal SilentShare { get; set; } = 0.5m;

    /// <summary>Share of outage meters that resumed use for "restoring" (issue 8: 20 %).</summary>
    public decimal RestoringShare { get; set; } = 0.2m;

    /// <summary>Share of outage meters that resumed use for "restored" (issue 8: 90 %).</summary>
    public decimal RestoredShare { get; set; } = 0.9m;

    /// <summary>Consecutive hours at the restored share (issue 8: 2).</summary>
    public int RestoredHours { get; set; } = 2;

    /// <summary>
    /// Fewest normally active meters in the hour of the week for an outage to be declared (default 5). Below it, or
    /// below <see cref="MinBaselineVolumeM3"/>, an hour that looks like an outage is too thin to judge: a few
    /// households asleep read zero as well as a cut main. The status stays, with a low confidence and the reason.
    /// </summary>
    public int MinNormallyActiveMeters { get; set; } = 5;

    /// <summary>
    /// Smallest baseline area volume of the hour for an outage to be declared (default 0.05 m³: about eight flushes in
    /// the whole area); see <see cref="MinNormallyActiveMeters"/>.
    /// </summary>
    public decimal MinBaselineVolumeM3 { get; set; } = 0.05m;

    /// <summary>Households behind one meter (1 for detached houses; more where one meter serves a building).</summary>
    public decimal HouseholdsPerMeter { get; set; } = 1m;

    /// <summary>A copy, for per-area overrides.</summary>
    public AreaStatusOptions Copy() => (AreaStatusOptions)MemberwiseClone();
}
