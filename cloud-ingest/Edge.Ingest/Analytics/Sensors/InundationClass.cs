namespace Edge.Ingest.Analytics.Sensors;

/// <summary>What an inundation (water depth) sensor shows.</summary>
public enum InundationClass
{
    /// <summary>No standing water.</summary>
    Dry,

    /// <summary>Standing water below the floor (床下浸水).</summary>
    BelowFloor,

    /// <summary>Water above the floor (床上浸水).</summary>
    AboveFloor,
}
