namespace Edge.Ingest.Analytics.Alarms;

/// <summary>Whether a device uploads as expected (issue 8 "No communication").</summary>
public enum CommunicationStatus
{
    /// <summary>The last upload is within the expected interval and its grace.</summary>
    Ok,

    /// <summary>Silent for longer than the expected interval and its grace (default 26 h).</summary>
    Late,

    /// <summary>Silent for longer than the lost span (default 72 h).</summary>
    Lost,

    /// <summary>No upload is known at all.</summary>
    Never,
}
