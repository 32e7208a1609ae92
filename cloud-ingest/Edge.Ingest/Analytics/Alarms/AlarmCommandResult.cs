namespace Edge.Ingest.Analytics.Alarms;

/// <summary>The outcome of an operator's command on an alarm.</summary>
public enum AlarmCommandResult
{
    /// <summary>Done; one change was recorded.</summary>
    Done,

    /// <summary>Already so; nothing changed.</summary>
    AlreadyDone,

    /// <summary>No alarm has that key; nothing changed.</summary>
    NotFound,
}
