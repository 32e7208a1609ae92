namespace Edge.Ingest.Analytics.Areas;

/// <summary>An area's water supply status (issue 8 "Disaster area status").</summary>
public enum AreaStatusKind
{
    /// <summary>Supply looks normal.</summary>
    Normal,

    /// <summary>No baseline for this hour of the week yet: nothing can be judged.</summary>
    NoBaseline,

    /// <summary>Most normally active meters read zero and the area volume collapsed: water is probably cut.</summary>
    SuspectedOutage,

    /// <summary>A share of the outage meters resumed use.</summary>
    Restoring,

    /// <summary>Nearly all outage meters resumed use for long enough.</summary>
    Restored,

    /// <summary>Too many meters are silent to judge; silence is never taken for an outage.</summary>
    CommunicationsLost,
}
