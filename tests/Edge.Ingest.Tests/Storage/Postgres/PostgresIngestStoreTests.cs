using Edge.Ingest.Model;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;
using Edge.Ingest.Storage.Postgres;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Edge.Ingest.Tests.Storage.Postgres;

/// <summary>What only the PostgreSQL store does: partitions, the COPY path, migrations, races between connections.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset _now = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly List<PostgresIngestStore> _stores = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await server.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task InitializeAsync_NewDatabase_PartitionsOfThisAndNextMonth()
    {
        await Open().InitializeAsync(default);

        Assert.Equal(["readings_before_2000", "readings_y2025m06", "readings_y2025m07"], await PartitionsAsync());
    }

    [Fact]
    public async Task StoreBatchAsync_ReadingOfNewMonth_PartitionCreatedAndHoldsIt()
    {
        var store = Open();
        var march = new DateTimeOffset(2024, 3, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds();

        await store.StoreBatchAsync(Write(1, [Reading("m", 1, march)]), default);

        Assert.Contains("readings_y2024m03", await PartitionsAsync());
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM readings_y2024m03 WHERE device_id = 'm' AND seq = 1"));
    }

    [Fact]
    public async Task StoreBatchAsync_BatchSpanningMonths_EachReadingInItsMonth()
    {
        var store = Open();
        var endOfJanuary = new DateTimeOffset(2023, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() - 1;

        var outcome = await store.StoreBatchAsync(
            Write(1, [Reading("m", 1, endOfJanuary), Reading("m", 2, endOfJanuary + 1), Reading("m", 3, 0)]), default);

        Assert.Equal(3, outcome.Stored);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM readings_y2023m01"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM readings_y2023m02"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM readings_before_2000"));
        Assert.Equal([3L, 1, 2], (await store.GetReadingsAsync("m", null, null, default))!.Select(r => r.Seq));
    }

    [Fact]
    public async Task StoreBatchAsync_24000Readings_StoredOnceThenAllDuplicates()
    {
        var store = Open();
        var readings = Day(meters: 1_000, hours: 24);

        var first = await store.StoreBatchAsync(Write(1, readings), default);
        var again = await store.StoreBatchAsync(Write(2, readings), default);

        Assert.Equal((24_000, 0), (first.Stored, first.Duplicates));
        Assert.Equal((0, 24_000), (again.Stored, again.Duplicates));
        Assert.Equal(24_000L, await ScalarAsync("SELECT count(*) FROM readings"));
        Assert.Equal(24_000L, await ScalarAsync("SELECT sum(bit_count(bits::bit(64)))::bigint FROM reading_blocks"));
        Assert.Equal(24, (await store.GetReadingsAsync("meter-000999", null, null, default))!.Count);
        Assert.Equal(new IngestStats(2, 0, 24_000, 24_000, 0), await store.GetStatsAsync(default));
    }

    [Fact]
    public async Task InitializeAsync_ConcurrentStartsAndRestarts_EachMigrationAppliedOnce()
    {
        // Three nodes start at once on an empty database, then one restarts.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Open().InitializeAsync(default)));
        await Open().StoreBatchAsync(Write(1, [Reading("m", 1, 0)]), default);
        await Open().InitializeAsync(default);

        Assert.Equal(
            (long)PostgresSchema.Migrations.Count,
            await ScalarAsync("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(PostgresSchema.LatestVersion, await ScalarAsync("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM readings"));
    }

    [Fact]
    public async Task InitializeAsync_NewerSchemaVersion_Refused()
    {
        await Open().InitializeAsync(default);
        await ScalarAsync($"INSERT INTO schema_migrations (version, description) VALUES ({PostgresSchema.LatestVersion + 1}, 'future')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Open().InitializeAsync(default));

        Assert.Contains($"schema version {PostgresSchema.LatestVersion + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreBatchAsync_SameBatchFromTwoConnectionsAtOnce_StoredOnce()
    {
        // Two stores, so two pools: the copies race on separate connections, as from two ingest nodes.
        var (a, b) = (Open(), Open());
        await Task.WhenAll(a.InitializeAsync(default), b.InitializeAsync(default));
        var readings = Day(meters: 200, hours: 24);

        for (var sequence = 1; sequence <= 10; sequence++)
        {
            var batch = Write(sequence, [.. readings.Select(r => r with { Seq = r.Seq + (sequence * 100) })]);
            var outcomes = await Task.WhenAll(
                Task.Run(() => a.StoreBatchAsync(batch, default)), Task.Run(() => b.StoreBatchAsync(batch, default)));

            Assert.Single(outcomes, o => !o.Duplicate);
            Assert.Equal(readings.Count, outcomes.Sum(o => o.Stored));
        }

        Assert.Equal(new IngestStats(10, 10, 48_000, 0, 0), await a.GetStatsAsync(default));
        Assert.Equal(48_000L, await ScalarAsync("SELECT count(*) FROM readings"));
    }

    [Fact]
    public async Task StoreBatchAsync_OverlappingBatchesAtOnce_EachReadingStoredOnce()
    {
        var (a, b) = (Open(), Open());
        await Task.WhenAll(a.InitializeAsync(default), b.InitializeAsync(default));
        var readings = Day(meters: 500, hours: 24);

        // Different batch ids with the same readings, one in reverse order: the key claims must not deadlock.
        var outcomes = await Task.WhenAll(
            Task.Run(() => a.StoreBatchAsync(Write(1, readings), default)),
            Task.Run(() => b.StoreBatchAsync(Write(2, [.. readings.AsEnumerable().Reverse()]), default)));

        Assert.Equal(readings.Count, outcomes.Sum(o => o.Stored));
        Assert.Equal(readings.Count, outcomes.Sum(o => o.Duplicates));
        Assert.Equal((long)readings.Count, await ScalarAsync("SELECT count(*) FROM readings"));
    }

    [Fact]
    public async Task StoreBatchAsync_EventsAndGaps_StoredAsSent()
    {
        var store = Open();
        var batch = Write(1, []) with
        {
            Events = [new BatchEvent("m", 5, "leak", null), new BatchEvent("n", 6, "tamper", "lid")],
            Gaps = [new GapRecord(["m", "n"], 10, 20, 3, "store full")],
        };

        await store.StoreBatchAsync(batch, default);

        Assert.Equal("m/5/leak/-;n/6/tamper/lid", await ScalarAsync(
            "SELECT string_agg(device_id || '/' || observed_unix_ms || '/' || kind || '/' || coalesce(detail, '-'), ';' ORDER BY device_id) FROM events WHERE batch_id = 'gw/1'"));
        Assert.Equal("[\"m\", \"n\"]/10/20/3/store full", await ScalarAsync(
            "SELECT device_ids::text || '/' || from_unix_ms || '/' || to_unix_ms || '/' || count || '/' || reason FROM gaps"));
    }

    private static NormalisedReading Reading(string device, long seq, long observedUnixMs) =>
        new(device, seq, "volume", observedUnixMs, "ntp", 0, 0.001 * seq, "m3", "MTQ", seq, 0, "l");

    // A gateway's day: hourly readings of each meter, seq 1..hours, observed on 2025-05-01.
    private static List<NormalisedReading> Day(int meters, int hours)
    {
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return [.. Enumerable.Range(0, meters).SelectMany(m => Enumerable.Range(1, hours)
            .Select(h => Reading($"meter-{m:D6}", h, start + (h * 3_600_000L))))];
    }

    private static BatchWrite Write(long sequence, IReadOnlyList<NormalisedReading> readings) =>
        new("gw", sequence, 0, _now.ToUnixTimeMilliseconds(), readings, [], [], []);

    private PostgresIngestStore Open()
    {
        var store = new PostgresIngestStore(_connectionString, new FakeTimeProvider(_now));
        _stores.Add(store);
        return store;
    }

    private async Task<List<string>> PartitionsAsync()
    {
        await using var db = new NpgsqlConnection(_connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'readings'::regclass ORDER BY 1", db);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var db = new NpgsqlConnection(_connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }
}
