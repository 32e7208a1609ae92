namespace Edge.Ingest.Normalisation;

/// <summary>The normalised readings of a batch, or why the batch cannot be accepted.</summary>
/// <param name="Readings">The readings, when the batch is acceptable.</param>
/// <param name="Error">What is wrong with the batch, fit to show to the caller.</param>
public sealed record NormalisationResult(IReadOnlyList<NormalisedReading>? Readings, string? Error)
{
    /// <summary>An acceptable batch.</summary>
    public static NormalisationResult Ok(IReadOnlyList<NormalisedReading> readings) => new(readings, null);

    /// <summary>A batch that cannot be accepted.</summary>
    public static NormalisationResult Reject(string error) => new(null, error);
}
