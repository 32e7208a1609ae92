using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Tests.Store;

/// <summary>
/// A gateway updated in the field opens the store its previous version wrote: readings waiting in it are kept
/// and sent, and the schema is brought to the current version in one transaction.
/// </summary>
public sealed class StoreMigrationTests : IDisposable
{
    // Version 1 as the first gateway release wrote it (commit e4287aa, StoreSchema.Ddl).
    private const string Version1Ddl = """
        CREATE TABLE readings (
            id INTEGER PRIMARY KEY, device TEXT NOT NULL, seq INTEGER NOT NULL, channel TEXT NOT NULL, unit TEXT NOT NULL,
            mantissa INTEGER NOT NULL, scale INTEGER NOT NULL, observed_ms INTEGER NOT NULL, clock_quality INTEGER NOT NULL,
            flags INTEGER NOT NULL, received_ms INTEGER NOT NULL, class INTEGER NOT NULL, batch_seq INTEGER NULL,
            UNIQUE (device, seq));
        CREATE INDEX readings_unbatched ON readings (class, id) WHERE batch_seq IS NULL;
        CREATE INDEX readings_unbatched_age ON readings (received_ms) WHERE batch_seq IS NULL;
        CREATE INDEX readings_by_batch ON readings (batch_seq) WHERE batch_seq IS NOT NULL;
        CREATE TABLE batches (seq INTEGER PRIMARY KEY, created_ms INTEGER NOT NULL, readings INTEGER NOT NULL);
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO counters (name, value) VALUES ('next_batch_seq', 41);
        INSERT INTO readings (device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, received_ms, class, batch_seq)
            VALUES ('dev-01', 7, 'volume', 'l', 1234, 0, 1764028800000, 2, 0, 1764028801000, 2, NULL),
                   ('dev-01', 8, 'volume', 'l', 1240, 0, 1764032400000, 2, 0, 1764032401000, 2, NULL);
        PRAGMA user_version = 1;
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DbPath => Path.Combine(_dir.Path, GatewayDatabase.FileName);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Initialize_Version1Store_KeepsWaitingReadingsAndTheirSequenceAndCountsUsage()
    {
        Execute(Version1Ddl);
        var store = new TestStore(_dir.Path);

        await store.Writer.StartAsync(default);
        await store.Writer.AppendAsync([TestStore.Reading(9, device: "dev-01")], default);
        await store.Writer.StopAsync(default);

        Assert.Equal(StoreSchema.Version, StoreFile.Scalar(DbPath, "PRAGMA user_version"));
        Assert.Equal([7L, 8L, 9L], StoreFile.Scalars(DbPath, "SELECT seq FROM readings ORDER BY seq"));
        Assert.Equal(41, StoreFile.Scalar(DbPath, "SELECT value FROM counters WHERE name = 'next_batch_seq'"));
        Assert.Equal(0, StoreFile.Scalar(DbPath, "SELECT COUNT(*) FROM readings WHERE device_ms IS NOT NULL"));

        // Usage is the row estimate of StoreSchema.ReadingBytes: 96 + 2 × "dev-01" (6) + "volume" (6) + "l" (1) = 115 per row.
        Assert.Equal(3 * 115, StoreFile.Scalar(DbPath, "SELECT bytes FROM usage WHERE class = 2"));
        Assert.Equal(0, StoreFile.Scalar(DbPath, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('readings_unbatched', 'readings_unbatched_age')"));

        // Drain order: the device's newest reading (8, 01:00) first, then the rest oldest first (7 at 00:00, 9 at 00:09).
        Assert.Equal([8L, 7L, 9L], store.Queue.Select(10).Select(i => i.Reading!.Seq));
    }

    [Fact]
    public async Task Initialize_Version2Store_AddsDeviceTimeAndClockEpochs()
    {
        // A current store taken back to version 2: version 3 only added readings.device_ms and clock_epochs.
        var first = new TestStore(_dir.Path);
        await first.Writer.StartAsync(default);
        await first.Writer.AppendAsync([TestStore.Reading(1)], default);
        await first.Writer.StopAsync(default);
        Execute("ALTER TABLE readings DROP COLUMN device_ms; DROP TABLE clock_epochs; PRAGMA user_version = 2;");

        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(default);
        await store.Writer.AppendAsync([TestStore.Reading(2) with { DeviceUnixMs = 946_684_800_000 }], default);
        await store.Writer.StopAsync(default);

        Assert.Equal(3, StoreFile.Scalar(DbPath, "PRAGMA user_version"));
        Assert.Equal([946_684_800_000L], StoreFile.Scalars(DbPath, "SELECT device_ms FROM readings WHERE device_ms IS NOT NULL"));
        Assert.Equal(0, StoreFile.Scalar(DbPath, "SELECT COUNT(*) FROM clock_epochs"));
    }

    [Fact]
    public void Initialize_StoreFromANewerGateway_RefusesWithTheVersions()
    {
        Execute("CREATE TABLE x (a); PRAGMA user_version = 99;");
        var store = new TestStore(_dir.Path);

        var error = Assert.Throws<InvalidOperationException>(store.Database.Initialize);

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }
}
