using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// Creates and migrates the store's tables; the schema version lives in <c>PRAGMA user_version</c>.
/// Version 2 added events, gap records, per-class usage and the per-device drain marks to version 1;
/// version 3 added the device time of corrected readings and the device clock boots (<c>clock_epochs</c>), and the
/// per-meter sequence counters of meters the gateway reads itself (<c>meter_seqs</c>, created when missing).
/// </summary>
internal static partial class StoreSchema
{
    public const int Version = 3;

    /// <summary>Name of the persisted batch sequence counter in the <c>counters</c> table.</summary>
    public const string NextBatchSeq = "next_batch_seq";

    /// <summary>
    /// Estimated bytes of a readings row <c>r</c>: 96 for the row header, its eight integers, the rowid and
    /// its index entries, plus its text (the device id twice: row and UNIQUE index). An estimate, not the
    /// file size: it is exact to compute, shrinks as soon as a row is deleted, and is the same on every
    /// platform, so the limit behaves the same in tests and on the device.
    /// </summary>
    public static string ReadingBytes(string r) =>
        $"(96 + 2 * length(CAST({r}.device AS BLOB)) + length(CAST({r}.channel AS BLOB)) + length(CAST({r}.unit AS BLOB)))";

    /// <summary>Estimated bytes of an events row <c>e</c>: 64 plus its text (the device id twice).</summary>
    public static string EventBytes(string e) =>
        $"(64 + 2 * length(CAST({e}.device AS BLOB)) + length(CAST({e}.kind AS BLOB)) + coalesce(length(CAST({e}.detail AS BLOB)), 0))";

    /// <summary>
    /// Creates missing tables and migrates older versions. A new store starts its batch sequence at the current
    /// Unix time in milliseconds rather than 1: the ingest deduplicates by (gateway id, sequence), so a store
    /// that replaced a corrupt one must never reuse a sequence the old one already sent.
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
        if (existing < 3 && HasTable(connection, tx, "readings") && !HasColumn(connection, tx, "readings", "device_ms"))
        {
            Execute(connection, tx, "ALTER TABLE readings ADD COLUMN device_ms INTEGER NULL");
        }

        Execute(connection, tx, TablesDdl + UsageDdl());
        using (var seed = connection.CreateCommand())
        {
            seed.Transaction = tx;
            seed.CommandText = "INSERT OR IGNORE INTO counters (name, value) VALUES ($name, $value)";
            seed.Parameters.AddWithValue("$name", NextBatchSeq);
            seed.Parameters.AddWithValue("$value", Math.Max(1, nowUnixMs));
            seed.ExecuteNonQuery();
        }

        if (existing < 2)
        {
            // Version 1 had readings without usage bookkeeping (and the older unbatched index): count them once.
            Execute(connection, tx, $"""
                DROP INDEX IF EXISTS readings_unbatched;
                DROP INDEX IF EXISTS readings_unbatched_age;
                UPDATE usage SET bytes =
                    (SELECT coalesce(sum({ReadingBytes("r")}), 0) FROM readings r WHERE r.class = usage.class) +
                    (SELECT coalesce(sum({EventBytes("e")}), 0) FROM events e WHERE e.class = usage.class);
                """);
        }

        if (existing < Version)
        {
            Execute(connection, tx, $"PRAGMA user_version = {Version}");
        }

        tx.Commit();
    }

    private static bool HasTable(SqliteConnection connection, SqliteTransaction tx, string table)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static bool HasColumn(SqliteConnection connection, SqliteTransaction tx, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Per-class estimated bytes, kept exact by the transactions that add or remove rows (<see cref="StoreUsage"/>).
    /// Stores written by an earlier build kept them with per-row triggers: those are dropped (the totals they
    /// kept are exact, so they carry on); an earlier build that opens this store creates them again, which is
    /// just as exact.
    /// </summary>
    private static string UsageDdl() => """
        CREATE TABLE IF NOT EXISTS usage (
            class INTEGER PRIMARY KEY,
            bytes INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO usage (class, bytes) VALUES (0, 0), (1, 0), (2, 0), (3, 0);
        DROP TRIGGER IF EXISTS readings_usage_add;
        DROP TRIGGER IF EXISTS readings_usage_remove;
        DROP TRIGGER IF EXISTS events_usage_add;
        DROP TRIGGER IF EXISTS events_usage_remove;
        """;
}
