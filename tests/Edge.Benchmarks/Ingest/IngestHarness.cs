using System.Diagnostics;
using System.Globalization;
using Edge.Ingest.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Edge.Benchmarks.Ingest;

/// <summary>
/// <c>ingest</c>: readings per second through the real ingest over loopback HTTP, on SQLite and on PostgreSQL, against
/// binary COPY of the same rows into the same PostgreSQL table.
/// </summary>
internal static class IngestHarness
{
    public static async Task<int> RunAsync(TextWriter output, TimeSpan measured, int gateways)
    {
        var seed = Path.Combine(Path.GetTempPath(), $"edge-ingest-bench-seed-{Guid.NewGuid():N}.json");
        try
        {
            MeterDays.WriteSeed(seed, gateways);
            return await RunAsync(output, measured, gateways, seed).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    private static async Task<int> RunAsync(TextWriter output, TimeSpan measured, int gateways, string seed)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        Line(output, $"ingest: {gateways} gateways, each posting binary Edge.Uplink batches of {MeterDays.Meters} meters x {MeterDays.Hours} hourly readings (one day per batch, days from {MeterDays.FirstDay:yyyy-MM-dd}) one after the other to the real ingest (IngestHost, Kestrel on 127.0.0.1), {measured.TotalSeconds:F0} s per store after one untimed batch per gateway; {Environment.ProcessorCount} logical CPUs, shared by clients, ingest and database");

        var root = Path.Combine(Path.GetTempPath(), $"edge-ingest-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        Line(output, $"registry: {gateways * MeterDays.Meters} meters registered to their gateways by a seed file at start (untimed); every reading is admitted, none quarantined (checked per batch)");
        try
        {
            var sqlite = await IngestUnderLoad.RunAsync(
                ["--Edge:Ingest:DatabasePath=" + Path.Combine(root, "ingest.db")], gateways, measured, seed).ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
            var sqliteRate = sqlite.Readings / sqlite.Elapsed.TotalSeconds;
            Line(output, $"sqlite: {sqlite.Readings} readings in {sqlite.Elapsed.TotalSeconds:F1} s (WAL, synchronous=FULL, file in {root})");
            Line(output, $"ingest_sqlite_readings_per_s={sqliteRate:F0}");
        }
        finally
        {
            TryDelete(root);
        }

        var configured = Environment.GetEnvironmentVariable("EDGE_PG");
        using var cluster = string.IsNullOrWhiteSpace(configured) ? ThrowawayPostgres.Start("max_wal_size=4GB") : null;
        var admin = cluster?.ConnectionString ?? configured!;
        var database = $"edge_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {database}").ConfigureAwait(false);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            var server = cluster is null ? "EDGE_PG" : $"a throwaway cluster (initdb in {cluster.Root}, fsync on, max_wal_size=4GB)";
            var postgres = await IngestUnderLoad.RunAsync(
                ["--Edge:Ingest:Storage:Provider=postgres", "--Edge:Ingest:Storage:ConnectionString=" + connectionString],
                gateways, measured, seed).ConfigureAwait(false);
            var postgresRate = postgres.Readings / postgres.Elapsed.TotalSeconds;
            Line(output, $"postgres: {postgres.Readings} readings in {postgres.Elapsed.TotalSeconds:F1} s on {server}, PostgreSQL {await ScalarAsync(connectionString, "SHOW server_version").ConfigureAwait(false)}; synchronous_commit={await ScalarAsync(connectionString, "SHOW synchronous_commit").ConfigureAwait(false)}");
            Line(output, $"ingest_postgres_readings_per_s={postgresRate:F0}");

            var directDatabase = connectionString.Replace(database, database + "_store", StringComparison.Ordinal);
            await ExecuteAsync(admin, $"CREATE DATABASE {database}_store").ConfigureAwait(false);
            var direct = await PostgresStoreDirect.RunAsync(directDatabase, postgres.Batches, now).ConfigureAwait(false);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE {database}_store WITH (FORCE)").ConfigureAwait(false);
            var directRate = direct.Readings / direct.Elapsed.TotalSeconds;
            Line(output, $"postgres_store: the same {direct.Readings} rows through PostgresIngestStore.StoreBatchAsync alone (no HTTP, decoding or normalising; a fresh database), {gateways} concurrent writers, in {direct.Elapsed.TotalSeconds:F1} s");
            Line(output, $"postgres_store_readings_per_s={directRate:F0}");

            var copy = await PostgresCopyBaseline.RunAsync(connectionString, postgres.Batches, now).ConfigureAwait(false);
            var copyRate = copy.Readings / copy.Elapsed.TotalSeconds;
            Line(output, $"postgres_copy: the same {copy.Readings} rows (after the same untimed first batch per gateway) by binary COPY straight into the same readings table (truncated, partitions and indexes kept), {gateways} connections, one COPY + commit per batch, in {copy.Elapsed.TotalSeconds:F1} s");
            Line(output, $"postgres_copy_readings_per_s={copyRate:F0}");
            Line(output, $"ingest_vs_copy={postgresRate / copyRate:F3} (= {postgresRate:F0} / {copyRate:F0}; target >= 0.5)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)").ConfigureAwait(false);
        }

        // Other work on a shared machine moves these figures; the load says how much there was.
        Line(output, $"loadavg: {File.ReadAllText("/proc/loadavg").Trim()}");
        Line(output, $"elapsed={clock.Elapsed.TotalSeconds:F1}s");
        return 0;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync().ConfigureAwait(false);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not change the figures.
        }
    }

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
