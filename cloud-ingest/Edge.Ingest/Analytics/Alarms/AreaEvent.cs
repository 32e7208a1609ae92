namespace Edge.Ingest.Analytics.Alarms;

/// <summary>An area-level event derived from several meters (issue 8: "suspected pressure loss").</summary>
/// <param name="AreaId">The area.</param>
/// <param name="Hour">Start of the hour.</param>
/// <param name="Kind">The event, e.g. <see cref="SuspectedPressureLoss"/>.</param>
/// <param name="Meters">How many meters showed it (the count only: the disaster role may read area events).</param>
/// <param name="Detail">One sentence.</param>
public sealed record AreaEvent(string AreaId, DateTimeOffset Hour, string Kind, int Meters, string Detail)
{
    /// <summary>Backflow at several meters of one area in the same hour: the main probably lost pressure.</summary>
    public const string SuspectedPressureLoss = "suspected-pressure-loss";
}
