namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// An area's status after one hour: aggregates only (no meter or household appears), which is what the disaster role
/// may see.
/// </summary>
/// <param name="AreaId">The area.</param>
/// <param name="Hour">Start of the hour judged.</param>
/// <param name="Status">The status.</param>
/// <param name="Since">Start of the first hour of the current status.</param>
/// <param name="MetersTotal">Meters in the area.</param>
/// <param name="MetersReporting">Meters with a volume for the hour.</param>
/// <param name="NormallyActive">Meters normally active in this hour of the week.</param>
/// <param name="ZeroFlowRatio">Share of the normally active meters reading zero (0-1).</param>
/// <param name="AreaVolumeM3">Sum over the reporting meters.</param>
/// <param name="BaselineVolumeM3">Median area volume of this hour of the week, if known.</param>
/// <param name="OutageMeters">Meters found cut at the outage (0 outside one).</param>
/// <param name="ResumedMeters">Outage meters that used water since.</param>
/// <param name="HouseholdsWithoutWater">Estimated households without water (断水戸数): outage meters not resumed × households per meter.</param>
/// <param name="Confidence">Share of meters reporting (0-1).</param>
/// <param name="Detail">One sentence with the figures behind the status.</param>
public sealed record AreaStatusSnapshot(
    string AreaId,
    DateTimeOffset Hour,
    AreaStatusKind Status,
    DateTimeOffset Since,
    int MetersTotal,
    int MetersReporting,
    int NormallyActive,
    decimal ZeroFlowRatio,
    decimal AreaVolumeM3,
    decimal? BaselineVolumeM3,
    int OutageMeters,
    int ResumedMeters,
    int HouseholdsWithoutWater,
    decimal Confidence,
    string Detail)
{
    /// <summary>How old the newest judged hour is at <paramref name="asOf"/> (from the end of the hour).</summary>
    public TimeSpan DataLatency(DateTimeOffset asOf) => asOf - Hour.AddHours(1);
}
