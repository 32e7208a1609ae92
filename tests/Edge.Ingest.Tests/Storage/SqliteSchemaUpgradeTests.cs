using Edge.Ingest.Model;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;
using Edge.Ingest.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Tests.Storage;

public sealed class SqliteSchemaUpgradeTests
{
    // The schema of version 1 as released (batches without rejected_count, no rejected_readings), with one batch.
    private const string Version1WithOneBatch = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE batches (gateway_id TEXT NOT NULL, seq INTEGER NOT NULL, created_unix_ms INTEGER NOT NULL,
            received_unix_ms INTEGER NOT NULL, reading_count INTEGER NOT NULL, stored_count INTEGER NOT NULL,
            duplicate_count INTEGER NOT NULL, PRIMARY KEY (gateway_id, seq)) WITHOUT ROWID;
        CREATE TABLE readings (device_id TEXT NOT NULL, seq INTEGER NOT NULL, channel TEXT NOT NULL,
            observed_unix_ms INTEGER NOT NULL, received_unix_ms INTEGER NOT NULL, clock_quality TEXT NOT NULL,
            flags INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, unit_code TEXT NOT NULL,
            raw_mantissa INTEGER NOT NULL, raw_scale INTEGER NOT NULL, raw_unit TEXT NOT NULL, batch_id TEXT NOT NULL,
            PRIMARY KEY (device_id, seq)) WITHOUT ROWID;
        CREATE INDEX readings_by_device_time ON readings (device_id, observed_unix_ms, seq);
        CREATE TABLE events (batch_id TEXT NOT NULL, device_id TEXT NOT NULL, observed_unix_ms INTEGER NOT NULL,
            kind TEXT NOT NULL, detail TEXT);
        CREATE TABLE gaps (batch_id TEXT NOT NULL, device_ids TEXT NOT NULL, from_unix_ms INTEGER NOT NULL,
            to_unix_ms INTEGER NOT NULL, count INTEGER NOT NULL, reason TEXT NOT NULL);
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO counters (name, value)
            VALUES ('batches', 1), ('duplicate_batches', 0), ('readings', 1), ('duplicate_readings', 0);
        INSERT INTO batches VALUES ('gw', 1, 0, 0, 1, 1, 0);
        INSERT INTO readings VALUES ('m', 1, 'volume', 0, 0, 'ntp', 0, 0.001, 'm3', 'MTQ', 1, 0, 'l', 'gw/1');
        PRAGMA user_version = 1;
        """;

    [Fact]
    public async Task InitializeAsync_Version1Database_UpgradedKeepingData()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(dir.DatabasePath)!);
        await ExecuteAsync(dir.DatabasePath, Version1WithOneBatch);

        using (var store = TestStore.Create(dir.DatabasePath))
        {
            await store.InitializeAsync(CancellationToken.None);
            Assert.Equal(new IngestStats(1, 0, 1, 0, 0), await store.GetStatsAsync(CancellationToken.None));
            var bad = new RejectedReading("m", 2, "volume", 0, "ntp", 0, 2, 0, "l", "too late");
            var outcome = await store.StoreBatchAsync(new BatchWrite("gw", 2, 0, 0, [], [bad], [], []), CancellationToken.None);
            Assert.Equal(1, outcome.Rejected);
            Assert.Single((await store.GetReadingsAsync("m", null, null, CancellationToken.None))!);
        }

        Assert.Equal(5L, await ScalarAsync(dir.DatabasePath, "PRAGMA user_version"));
        Assert.Equal(0L, await ScalarAsync(dir.DatabasePath, "SELECT count(*) FROM readings WHERE quarantined <> 0"));
        Assert.Equal(0L, await ScalarAsync(dir.DatabasePath, "SELECT count(*) FROM devices"));
        Assert.Equal(1L, await ScalarAsync(dir.DatabasePath, "SELECT count(*) FROM readings WHERE device_unix_ms IS NULL"));
        Assert.Equal(1L, await ScalarAsync(dir.DatabasePath, "SELECT rejected_count FROM batches WHERE seq = 2"));
        Assert.Equal(0L, await ScalarAsync(dir.DatabasePath, "SELECT rejected_count FROM batches WHERE seq = 1"));
    }

    [Fact]
    public async Task InitializeAsync_NewerSchemaVersion_Refused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(dir.DatabasePath)!);
        await ExecuteAsync(dir.DatabasePath, "PRAGMA user_version = 6;");
        using var store = TestStore.Create(dir.DatabasePath);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains("schema version 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_Version4DeviceWithoutRevision_UpgradedAndLaterWritesTakeNewRevisions()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.GetDirectoryName(dir.DatabasePath)!);
        await ExecuteAsync(dir.DatabasePath, """
            CREATE TABLE devices (device_id TEXT NOT NULL PRIMARY KEY, gateway_id TEXT NOT NULL, kind TEXT NOT NULL,
                area_code TEXT NOT NULL, document TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO devices VALUES ('old', 'gw', 'water-meter', '13101', '{}');
            PRAGMA user_version = 4;
            """);

        using var store = TestStore.Create(dir.DatabasePath);
        await store.InitializeAsync(CancellationToken.None);
        await store.UpsertDeviceAsync(new StoredDevice("new", "gw", "water-meter", "13101", "{}"), CancellationToken.None);
        await store.UpsertDeviceAsync(new StoredDevice("old", "gw", "water-meter", "13101", "{}"), CancellationToken.None);

        Assert.Equal([2L, 1L, null], await store.GetDeviceRevisionsAsync(["old", "new", "none"], CancellationToken.None));
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
