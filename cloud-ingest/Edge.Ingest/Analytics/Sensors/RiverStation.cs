namespace Edge.Ingest.Analytics.Sensors;

/// <summary>A river gauge station with its four reference levels in metres (each at or above the one before).</summary>
/// <param name="StationId">The water-level sensor's device id.</param>
/// <param name="StandbyM">水防団待機水位.</param>
/// <param name="FloodWarningM">氾濫注意水位.</param>
/// <param name="EvacuationJudgementM">避難判断水位.</param>
/// <param name="FloodDangerM">氾濫危険水位.</param>
public sealed record RiverStation(string StationId, decimal StandbyM, decimal FloodWarningM, decimal EvacuationJudgementM, decimal FloodDangerM)
{
    /// <summary>Checks that the levels rise in order; null when they do, else the error.</summary>
    public string? Validate() =>
        StandbyM <= FloodWarningM && FloodWarningM <= EvacuationJudgementM && EvacuationJudgementM <= FloodDangerM
            ? null
            : $"Station '{StationId}': the levels must rise from standby to flood danger.";

    /// <summary>The class of <paramref name="levelM"/>: the highest reference level it reaches.</summary>
    /// <exception cref="InvalidOperationException">The station's levels are not in order.</exception>
    public RiverLevelClass Classify(decimal levelM)
    {
        if (Validate() is { } error)
        {
            throw new InvalidOperationException(error);
        }

        return levelM >= FloodDangerM ? RiverLevelClass.FloodDanger
            : levelM >= EvacuationJudgementM ? RiverLevelClass.EvacuationJudgement
            : levelM >= FloodWarningM ? RiverLevelClass.FloodWarning
            : levelM >= StandbyM ? RiverLevelClass.Standby
            : RiverLevelClass.Normal;
    }
}
