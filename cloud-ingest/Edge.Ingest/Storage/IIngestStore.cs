using Edge.Ingest.Model;

namespace Edge.Ingest.Storage;

/// <summary>
/// Durable storage of the ingest. SQLite is the embedded default; a PostgreSQL implementation can replace it
/// behind this interface. Implementations must make <see cref="StoreBatchAsync"/> atomic and durable on return.
/// </summary>
public interface IIngestStore
{
    /// <summary>Opens the database and creates or checks the schema. Safe to call more than once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch exactly once: a known batch id changes nothing but the duplicate-batch counter; readings
    /// with a known (device, seq) are dropped and counted. Readings set aside by the checks are kept apart, in the
    /// same transaction, and never occupy a reading's (device, seq). Returns only after the transaction is committed.
    /// </summary>
    Task<StoreBatchOutcome> StoreBatchAsync(BatchWrite batch, CancellationToken cancellationToken);

    /// <summary>
    /// Readings of a device observed in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>), ordered by
    /// observed time then seq; <see langword="null"/> when no reading of the device is stored at all.
    /// </summary>
    Task<IReadOnlyList<StoredReading>?> GetReadingsAsync(
        string deviceId, long? fromUnixMs, long? toUnixMs, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="GetReadingsAsync"/>, limited to one <paramref name="page"/> (cursor and size applied by the
    /// database); <see langword="null"/> when no reading of the device is stored at all.
    /// </summary>
    Task<IReadOnlyList<StoredReading>?> GetReadingsPageAsync(
        string deviceId, long? fromUnixMs, long? toUnixMs, ReadingPage page, CancellationToken cancellationToken);

    /// <summary>
    /// The readings of <paramref name="deviceIds"/> observed in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>)
    /// (no upper bound when null) that are not quarantined, narrowed to what the alarm rules need, ordered by device id
    /// (byte order), then observed time, then seq: one query serves a meter's volumes, flags and contacts, or an area's meters
    /// over a few hours.
    /// </summary>
    Task<IReadOnlyList<AlarmReading>> GetAlarmReadingsAsync(
        IReadOnlyCollection<string> deviceIds, long fromUnixMs, long? toUnixMs, CancellationToken cancellationToken);

    /// <summary>
    /// Readings set aside by the checks, received in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>),
    /// of one device or of all when <paramref name="deviceId"/> is null; newest received first, then by device id
    /// and descending seq; at most <paramref name="limit"/> of them.
    /// </summary>
    Task<IReadOnlyList<StoredRejection>> GetRejectedAsync(
        string? deviceId, long? fromUnixMs, long? toUnixMs, int limit, CancellationToken cancellationToken);

    /// <summary>The persisted running totals.</summary>
    Task<IngestStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the database answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
