namespace Edge.Ingest.Normalisation.Registers;

/// <summary>How the register moved from one reading to the next.</summary>
public enum RegisterStepKind
{
    /// <summary>The register rose (or stayed) by a volume the meter can pass.</summary>
    Increase,

    /// <summary>A finite register passed its top and restarted at zero; the volume is the wrapped difference.</summary>
    Rollover,

    /// <summary>The register fell by a volume the meter can pass backwards; the volume is kept negative.</summary>
    ReverseFlow,

    /// <summary>Another meter (new serial) or a register far below the last: the volume between is unknown.</summary>
    Replacement,

    /// <summary>The register rose by more than the meter can pass in the time; the volume is kept and flagged.</summary>
    SuspectJump,

    /// <summary>The value is outside what the register can show (negative, or at or above 10^digits m³).</summary>
    OutOfRange,
}
