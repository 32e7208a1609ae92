namespace Edge.Ingest.Normalisation;

/// <summary>How far a reading or a derived value can be trusted (issue 4, "Normalisation"). Ordered: worse is larger.</summary>
public enum ReadingQuality
{
    /// <summary>Measured and consistent with the meter's physics.</summary>
    Good,

    /// <summary>Derived from measurements with a documented approximation (e.g. a boundary register read minutes off the hour).</summary>
    Estimated,

    /// <summary>Kept as sent but not believable as is (e.g. a jump no meter can make); the reason says why.</summary>
    Suspect,
}
