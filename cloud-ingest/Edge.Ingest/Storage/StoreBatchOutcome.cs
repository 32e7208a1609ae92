using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Storage;

/// <summary>
/// What storing a batch did. Every reading of a newly stored batch is counted exactly once: as stored, as a
/// duplicate or as set aside.
/// </summary>
/// <param name="Duplicate">The batch id was already stored; nothing was written.</param>
/// <param name="Stored">Readings newly stored.</param>
/// <param name="Duplicates">
/// Readings dropped because their (device, seq) was already known: stored as a reading, or, for a reading that
/// failed the checks again, already set aside.
/// </param>
/// <param name="SetAside">Readings newly set aside, in batch order.</param>
public sealed record StoreBatchOutcome(bool Duplicate, int Stored, int Duplicates, IReadOnlyList<RejectedReading> SetAside)
{
    /// <summary>How many readings were newly set aside.</summary>
    public int Rejected => SetAside.Count;
}
