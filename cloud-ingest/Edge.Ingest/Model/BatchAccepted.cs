namespace Edge.Ingest.Model;

/// <summary>
/// Answer to an accepted <c>POST /v1/batches</c>: the batch is durable when this is sent. Every reading of a newly
/// stored batch is counted once: <paramref name="Stored"/> + <paramref name="Duplicates"/> + <paramref name="Rejected"/>
/// is the number of readings in the batch.
/// </summary>
/// <param name="BatchId">Batch id, <c>gateway/sequence</c>.</param>
/// <param name="Duplicate">The batch was stored before; this request changed nothing.</param>
/// <param name="Stored">Readings newly stored.</param>
/// <param name="Duplicates">Readings dropped because their (device, seq) was already stored or already set aside.</param>
/// <param name="Rejected">
/// Readings set aside by the checks (unsupported unit, undefined clock quality, observed too far in the future):
/// kept apart from the readings, listed by <c>GET /v1/rejected</c>.
/// </param>
/// <param name="Rejections">The first <see cref="MaxListedRejections"/> readings set aside, with their reasons.</param>
/// <param name="Quarantined">
/// Readings of this batch from devices not registered (stored ones and duplicates alike): kept and shown with
/// <c>quarantined: true</c>, out of consumption until the device is registered.
/// </param>
/// <param name="QuarantinedDevices">Those devices, ordered by id.</param>
public sealed record BatchAccepted(
    string BatchId, bool Duplicate, int Stored, int Duplicates, int Rejected, IReadOnlyList<Rejection> Rejections,
    int Quarantined, IReadOnlyList<string> QuarantinedDevices)
{
    /// <summary>The most readings set aside that one answer lists.</summary>
    public const int MaxListedRejections = 20;
}
