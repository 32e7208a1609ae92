namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// The area status service (<c>Edge:Ingest:Analytics:AreaService</c>): where the area catalogue is, how much history
/// makes a baseline and how often the status is recomputed. The status thresholds are <see cref="Areas.AreaStatusOptions"/>.
/// </summary>
public sealed class AreaServiceOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Edge:Ingest:Analytics:AreaService";

    /// <summary>The area catalogue (GeoJSON, <see cref="StatusAreaCatalogReader"/>); relative to the content root; null for none.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>Hours judged at every recompute, from a fresh engine, up to the newest hour with data (default a week, so an outage that began days ago is still known as one).</summary>
    public int StatusWindowHours { get; set; } = 168;

    /// <summary>Weeks before the status window that make the baseline (default 4).</summary>
    public int BaselineWeeks { get; set; } = 4;

    /// <summary>Weeks with data an hour of the week needs for a baseline; with fewer the hour is "unknown" (default 2).</summary>
    public int MinBaselineWeeks { get; set; } = 2;

    /// <summary>When the newest hour with any meter's data is older than this, the area is "communications lost" (default 26 h, issue 8's "late").</summary>
    public int StaleAfterHours { get; set; } = 26;

    /// <summary>How often the service looks for new data (and then recomputes); it also recomputes at every new hour.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A figure moved "materially" (and is published) when a share changes by at least this much (zero-flow ratio, confidence, households without water relative to the previous value).</summary>
    public decimal MaterialChange { get; set; } = 0.1m;

    /// <summary>How far back the latest sensor reading may lie to be shown.</summary>
    public TimeSpan SensorMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The defects of these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StatusWindowHours is < 1 or > 24 * 31)
        {
            errors.Add($"{SectionName}:StatusWindowHours must be 1 to 744.");
        }

        if (BaselineWeeks is < 1 or > 52 || MinBaselineWeeks < 1 || MinBaselineWeeks > BaselineWeeks)
        {
            errors.Add($"{SectionName}:BaselineWeeks must be 1 to 52 and MinBaselineWeeks 1 to BaselineWeeks.");
        }

        if (StaleAfterHours < 1 || PollInterval <= TimeSpan.Zero || SensorMaxAge <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:StaleAfterHours, PollInterval and SensorMaxAge must be positive.");
        }

        if (MaterialChange is <= 0 or > 1)
        {
            errors.Add($"{SectionName}:MaterialChange must be in (0, 1].");
        }

        return errors;
    }
}
