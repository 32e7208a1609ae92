namespace Edge.Ingest.Analytics.Watch;

/// <summary>What the welfare rules found (issue 8 "Welfare watch").</summary>
public enum WelfareFindingKind
{
    /// <summary>The morning's first use of at least 5 l after 04:00 (an event, not an alert).</summary>
    GoodMorning,

    /// <summary>No morning use by the household's deadline (alert).</summary>
    NoMorningUse,

    /// <summary>No use for the household's deadline while awake and at home (alert).</summary>
    NoUse,

    /// <summary>No use for 24 h while awake and at home (escalated alert).</summary>
    NoUseEscalated,

    /// <summary>Water running for 2 h or more: a tap left open, or a fall (alert).</summary>
    ContinuousUse,

    /// <summary>An alert was held back: the meter is late or lost, hours are missing, the household is away, or snoozed.</summary>
    Suppressed,
}
