using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.Sensors;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>Wire names of statuses and sensor classes in <c>GET /v1/areas/status</c> (API.md).</summary>
public static class AreaStatusNames
{
    /// <summary>The name of an area status; no baseline is <c>unknown</c>.</summary>
    public static string Of(AreaStatusKind status) => status switch
    {
        AreaStatusKind.Normal => "normal",
        AreaStatusKind.SuspectedOutage => "suspected-outage",
        AreaStatusKind.Restoring => "restoring",
        AreaStatusKind.Restored => "restored",
        AreaStatusKind.CommunicationsLost => "communications-lost",
        _ => "unknown",
    };

    /// <summary>The name of a river level class.</summary>
    public static string Of(RiverLevelClass level) => level switch
    {
        RiverLevelClass.Standby => "standby",
        RiverLevelClass.FloodWarning => "flood-warning",
        RiverLevelClass.EvacuationJudgement => "evacuation-judgement",
        RiverLevelClass.FloodDanger => "flood-danger",
        _ => "normal",
    };

    /// <summary>The name of an inundation class.</summary>
    public static string Of(InundationClass level) => level switch
    {
        InundationClass.BelowFloor => "below-floor",
        InundationClass.AboveFloor => "above-floor",
        _ => "dry",
    };

    /// <summary>The rainfall band named by the lower bound it reached (<c>band-50</c>), or <c>below-10</c> under the first.</summary>
    public static string RainBand(int band, IReadOnlyList<decimal> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        return band == 0 ? AnalyticsText.Of($"below-{bounds[0]}") : AnalyticsText.Of($"band-{bounds[band - 1]}");
    }

    /// <summary>A JMA intensity class in words safe for a URL or CSS class: <c>5-</c> is <c>5-lower</c>, <c>6+</c> is <c>6-upper</c>.</summary>
    public static string Seismic(string jmaClass)
    {
        ArgumentNullException.ThrowIfNull(jmaClass);
        return jmaClass.EndsWith('-') ? jmaClass[..^1] + "-lower" : jmaClass.EndsWith('+') ? jmaClass[..^1] + "-upper" : jmaClass;
    }
}
