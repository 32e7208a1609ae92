using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Edge.Benchmarks.GatewayIngest;

/// <summary>
/// The floor under the gateway: the same rows inserted straight into SQLite, no MQTT, no frames, no queue.
/// The table and its indexes are created from the DDL SQLite recorded in the gateway's own file
/// (<c>sqlite_master</c>); the gateway's triggers on the table (its own bookkeeping) are left out. The connection has the gateway's settings (WAL, synchronous=FULL, no pooling), the
/// insert is the gateway's prepared <c>INSERT OR IGNORE</c>, and every <c>groupSize</c> rows are one
/// transaction (BEGIN IMMEDIATE … COMMIT).
/// </summary>
internal static class RawSqliteBaseline
{
    private const string Insert = """
        INSERT OR IGNORE INTO readings
            (device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, received_ms, class, batch_seq)
        VALUES ($device, $seq, $channel, $unit, $mantissa, $scale, $observed, $quality, $flags, $received, $class, NULL)
        """;

    /// <summary>The CREATE statements of the readings table and its indexes (not its triggers), table first.</summary>
    public static List<string> ReadingsDdl(string databasePath)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'readings' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'table' DESC, name";
        using var reader = command.ExecuteReader();
        var ddl = new List<string>();
        while (reader.Read())
        {
            ddl.Add(reader.GetString(0));
        }

        return ddl.Count > 0 ? ddl : throw new InvalidOperationException($"no readings table in {databasePath}");
    }

    /// <summary>Names of the triggers on the readings table (what the gateway does per row beyond the insert).</summary>
    public static List<string> ReadingsTriggers(string databasePath)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE tbl_name = 'readings' AND type = 'trigger' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The first <paramref name="count"/> rows of the gateway's readings table in insertion (id) order.</summary>
    public static List<StoredRow> ReadRows(string databasePath, long count)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, received_ms, class
            FROM readings ORDER BY id LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", count);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => names.TryGetValue(s, out var known) ? known : names[s] = s;
        var rows = new List<StoredRow>((int)count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoredRow(
                Intern(reader.GetString(0)), reader.GetInt64(1), Intern(reader.GetString(2)), Intern(reader.GetString(3)),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.GetInt64(9), reader.GetInt64(10)));
        }

        return rows;
    }

    /// <summary>
    /// Inserts rows [0, warmUp) untimed, then times rows [warmUp, rows.Count); returns the timed rows,
    /// the time they took and the transactions they needed.
    /// </summary>
    public static (long Readings, TimeSpan Elapsed, long Commits) Run(string databasePath, List<string> ddl, List<StoredRow> rows, int warmUp, int groupSize)
    {
        using var connection = Open(databasePath);
        Execute(connection, "PRAGMA journal_mode = WAL");
        foreach (var statement in ddl)
        {
            Execute(connection, statement);
        }

        InsertRange(connection, rows, 0, warmUp, groupSize);
        var clock = Stopwatch.StartNew();
        var commits = InsertRange(connection, rows, warmUp, rows.Count, groupSize);
        return (rows.Count - warmUp, clock.Elapsed, commits);
    }

    private static long InsertRange(SqliteConnection connection, List<StoredRow> rows, int from, int to, int groupSize)
    {
        long commits = 0;
        for (var start = from; start < to; start += groupSize)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = Insert;
            var p = new[] { "$device", "$seq", "$channel", "$unit", "$mantissa", "$scale", "$observed", "$quality", "$flags", "$received", "$class" }
                .Select(name => insert.Parameters.Add(name, name is "$device" or "$channel" or "$unit" ? SqliteType.Text : SqliteType.Integer))
                .ToArray();
            insert.Prepare();
            for (var i = start; i < Math.Min(to, start + groupSize); i++)
            {
                var r = rows[i];
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (r.Device, r.Seq, r.Channel, r.Unit);
                (p[4].Value, p[5].Value, p[6].Value, p[7].Value) = (r.Mantissa, r.Scale, r.ObservedMs, r.ClockQuality);
                (p[8].Value, p[9].Value, p[10].Value) = (r.Flags, r.ReceivedMs, r.Class);
                if (insert.ExecuteNonQuery() != 1)
                {
                    throw new InvalidOperationException($"row {i} ({r.Device}, {r.Seq}) was not inserted");
                }
            }

            tx.Commit();
            commits++;
        }

        return commits;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
