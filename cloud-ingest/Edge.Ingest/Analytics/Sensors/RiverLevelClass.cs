namespace Edge.Ingest.Analytics.Sensors;

/// <summary>
/// River water level against a station's four reference levels (Japan's Flood Control Act designations; each station
/// has its own values, set as data in <see cref="RiverStation"/>).
/// </summary>
public enum RiverLevelClass
{
    /// <summary>Below the standby level.</summary>
    Normal,

    /// <summary>水防団待機水位: flood fighting teams stand by.</summary>
    Standby,

    /// <summary>氾濫注意水位: flood warning level.</summary>
    FloodWarning,

    /// <summary>避難判断水位: evacuation decision level.</summary>
    EvacuationJudgement,

    /// <summary>氾濫危険水位: flood danger level.</summary>
    FloodDanger,
}
