using Edge.Ingest.Model;
using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>
/// The production store on PostgreSQL (Npgsql): readings partitioned by month of observed time, exactly-once through
/// the batch key and <c>reading_blocks</c>, bulk writes by binary COPY, schema
/// migrations applied on start (see <see cref="PostgresSchema"/>). A batch is acknowledged only after its transaction
/// committed, with the server's own durability settings (keep <c>fsync</c> and <c>synchronous_commit</c> on).
/// </summary>
public sealed partial class PostgresIngestStore : IIngestStore, IRegistryStore, IDisposable, IAsyncDisposable
{
    private const int DefaultWriteBufferSize = 8192;
    private const int CopyWriteBufferSize = 64 * 1024;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly PostgresPartitions _partitions = new();
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates the store for <paramref name="connectionString"/>; nothing is opened until first use.</summary>
    public PostgresIngestStore(string connectionString, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // The store keeps no session state: a connection going back to the pool needs no DISCARD ALL.
        builder.ConnectionStringBuilder.NoResetOnClose = true;

        // COPY rows are written synchronously into the write buffer (PostgresIngestStore.Copy): a larger one sends a
        // batch in fewer, larger writes. Kept when the connection string sets its own.
        if (builder.ConnectionStringBuilder.WriteBufferSize == DefaultWriteBufferSize)
        {
            builder.ConnectionStringBuilder.WriteBufferSize = CopyWriteBufferSize;
        }
        _dataSource = builder.Build();
        _time = time;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            await PostgresMigrator.MigrateAsync(_dataSource, cancellationToken);

            // Created ahead so that the first batches of a month do not wait for it (late data creates its own).
            var now = _time.GetUtcNow();
            await _partitions.EnsureAsync(
                _dataSource, [now.ToUnixTimeMilliseconds(), now.AddMonths(1).ToUnixTimeMilliseconds()], cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IngestStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("""
            SELECT coalesce(sum(batches), 0)::bigint, coalesce(sum(duplicate_batches), 0)::bigint,
                   coalesce(sum(readings), 0)::bigint, coalesce(sum(duplicate_readings), 0)::bigint,
                   coalesce(sum(rejected_readings), 0)::bigint
            FROM ingest_counters
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IngestStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM ingest_counters");
        return await command.ExecuteScalarAsync(cancellationToken) is long;
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        _dataSource.Dispose();
        _initLock.Dispose();
    }

    /// <summary>Closes the pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _initLock.Dispose();
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }
    }
}
