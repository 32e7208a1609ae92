namespace Edge.Ingest.Welfare;

/// <summary>The state of one household's welfare watch.</summary>
public enum WelfareWatchStatus
{
    /// <summary>The household is not enrolled: nothing is watched and nothing may be shown to the welfare role.</summary>
    NotEnrolled,

    /// <summary>No water use is known yet, so the watch cannot judge.</summary>
    NoData,

    /// <summary>Water was used within the deadline (sleep and away time not counted).</summary>
    Ok,

    /// <summary>No water use for longer than the deadline while awake and at home.</summary>
    Alert,
}
