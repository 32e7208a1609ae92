namespace Edge.Ingest.Normalisation.Units;

/// <summary>Where an accepted input unit symbol is defined.</summary>
public enum UnitSource
{
    /// <summary>SenML Units registry, RFC 8428 §12.1.</summary>
    Rfc8428,

    /// <summary>SenML Secondary Units registry, RFC 8798 §3.</summary>
    Rfc8798,

    /// <summary>
    /// Not a registered SenML symbol; accepted from third-party meters and sensors that report it (for example
    /// <c>l/min</c>, <c>bar</c>, <c>degF</c>). Edge devices never send these.
    /// </summary>
    EdgeExtension,
}
