namespace Edge.Ingest.Analytics.Alarms;

/// <summary>A step of an alarm's life (issue 8 "Alarm lifecycle").</summary>
public enum AlarmChangeKind
{
    /// <summary>The condition was found for the first time.</summary>
    Raised,

    /// <summary>Later hours still show it, or a recomputation reopened it.</summary>
    Confirmed,

    /// <summary>The condition ended (or an operator cleared a latching alarm, or recomputation withdrew it).</summary>
    Cleared,

    /// <summary>An operator acknowledged it.</summary>
    Acknowledged,
}
