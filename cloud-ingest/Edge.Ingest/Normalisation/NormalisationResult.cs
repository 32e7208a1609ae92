namespace Edge.Ingest.Normalisation;

/// <summary>
/// The outcome of normalising a batch: either the batch is acceptable, with its good readings and the readings set
/// aside one by one, or the batch itself is defective and must be refused whole.
/// </summary>
/// <param name="Readings">The good readings, when the batch is acceptable.</param>
/// <param name="Rejected">Readings set aside with their reasons (empty when the batch is refused).</param>
/// <param name="Error">What is wrong with the batch as a whole, fit to show to the caller.</param>
public sealed record NormalisationResult(
    IReadOnlyList<NormalisedReading>? Readings,
    IReadOnlyList<RejectedReading> Rejected,
    string? Error)
{
    /// <summary>An acceptable batch: <paramref name="readings"/> are stored, <paramref name="rejected"/> set aside.</summary>
    public static NormalisationResult Ok(IReadOnlyList<NormalisedReading> readings, IReadOnlyList<RejectedReading> rejected) =>
        new(readings, rejected, null);

    /// <summary>A batch that cannot be accepted at all.</summary>
    public static NormalisationResult Reject(string error) => new(null, [], error);
}
