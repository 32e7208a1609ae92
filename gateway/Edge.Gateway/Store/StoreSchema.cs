using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>Creates the store's tables; the schema version lives in <c>PRAGMA user_version</c>.</summary>
internal static class StoreSchema
{
    public const int Version = 1;

    /// <summary>Name of the persisted batch sequence counter in the <c>counters</c> table.</summary>
    public const string NextBatchSeq = "next_batch_seq";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS readings (
            id            INTEGER PRIMARY KEY,
            device        TEXT    NOT NULL,
            seq           INTEGER NOT NULL,
            channel       TEXT    NOT NULL,
            unit          TEXT    NOT NULL,
            mantissa      INTEGER NOT NULL,
            scale         INTEGER NOT NULL,
            observed_ms   INTEGER NOT NULL,
            clock_quality INTEGER NOT NULL,
            flags         INTEGER NOT NULL,
            received_ms   INTEGER NOT NULL,
            class         INTEGER NOT NULL,
            batch_seq     INTEGER NULL,
            UNIQUE (device, seq)
        );
        CREATE INDEX IF NOT EXISTS readings_unbatched ON readings (class, id) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS readings_unbatched_age ON readings (received_ms) WHERE batch_seq IS NULL;
        CREATE INDEX IF NOT EXISTS readings_by_batch ON readings (batch_seq) WHERE batch_seq IS NOT NULL;
        CREATE TABLE IF NOT EXISTS batches (
            seq        INTEGER PRIMARY KEY,
            created_ms INTEGER NOT NULL,
            readings   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS counters (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// Creates missing tables. A new store starts its batch sequence at the current Unix time in
    /// milliseconds rather than 1: the ingest deduplicates by (gateway id, sequence), so a store that
    /// replaced a corrupt one must never reuse a sequence the old one already sent.
    /// </summary>
    public static void Apply(SqliteConnection connection, long nowUnixMs)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var existing = Convert.ToInt32(version.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (existing > Version)
        {
            throw new InvalidOperationException($"the store has schema version {existing}; this gateway knows up to {Version}");
        }

        using var tx = connection.BeginTransaction();
        using var ddl = connection.CreateCommand();
        ddl.Transaction = tx;
        ddl.CommandText = Ddl;
        ddl.ExecuteNonQuery();

        using var seed = connection.CreateCommand();
        seed.Transaction = tx;
        seed.CommandText = "INSERT OR IGNORE INTO counters (name, value) VALUES ($name, $value)";
        seed.Parameters.AddWithValue("$name", NextBatchSeq);
        seed.Parameters.AddWithValue("$value", Math.Max(1, nowUnixMs));
        seed.ExecuteNonQuery();

        using var setVersion = connection.CreateCommand();
        setVersion.Transaction = tx;
        setVersion.CommandText = $"PRAGMA user_version = {Version}";
        setVersion.ExecuteNonQuery();
        tx.Commit();
    }
}
