using System.Globalization;
using Edge.Ingest.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. All writes go through one connection under a lock, with
/// <c>synchronous = FULL</c> so that a committed batch survives a power cut; reads use pooled connections.
/// </summary>
public sealed partial class SqliteIngestStore : IIngestStore, IRegistryStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private volatile bool _initialized;

    /// <summary>Creates the store for <see cref="IngestOptions.DatabasePath"/>, relative to the content root.</summary>
    public SqliteIngestStore(IOptions<IngestOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        DatabasePath = Path.GetFullPath(options.Value.DatabasePath, environment.ContentRootPath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            InitializeUnderLock();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IngestStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT name, value FROM counters";
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counters[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new IngestStats(
            counters.GetValueOrDefault(SqliteSchema.BatchesCounter),
            counters.GetValueOrDefault(SqliteSchema.DuplicateBatchesCounter),
            counters.GetValueOrDefault(SqliteSchema.ReadingsCounter),
            counters.GetValueOrDefault(SqliteSchema.DuplicateReadingsCounter),
            counters.GetValueOrDefault(SqliteSchema.RejectedReadingsCounter));
    }

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM counters";
        return await command.ExecuteScalarAsync(cancellationToken) is long;
    }

    /// <summary>Closes the writer connection and the pooled readers of this database.</summary>
    public void Dispose()
    {
        if (_writer is not null)
        {
            SqliteConnection.ClearPool(_writer);
            _writer.Dispose();
            _writer = null;
        }

        _writeLock.Dispose();
    }

    private void InitializeUnderLock()
    {
        if (_writer is not null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var writer = new SqliteConnection(_connectionString);
        try
        {
            writer.Open();
            CheckSchemaVersion(writer);
            Execute(writer, SqliteSchema.Create);
            if (Convert.ToInt64(Scalar(writer, SqliteSchema.HasBatchRejectedCount), CultureInfo.InvariantCulture) == 0)
            {
                Execute(writer, SqliteSchema.AddBatchRejectedCount);
            }

            if (Convert.ToInt64(Scalar(writer, SqliteSchema.HasReadingDeviceTime), CultureInfo.InvariantCulture) == 0)
            {
                Execute(writer, SqliteSchema.AddReadingDeviceTime);
            }

            if (Convert.ToInt64(Scalar(writer, SqliteSchema.HasReadingQuarantined), CultureInfo.InvariantCulture) == 0)
            {
                Execute(writer, SqliteSchema.AddReadingQuarantined);
            }

            Execute(writer, SqliteSchema.CreateQuarantineIndex);
            if (Convert.ToInt64(Scalar(writer, SqliteSchema.HasDeviceRevision), CultureInfo.InvariantCulture) == 0)
            {
                Execute(writer, SqliteSchema.AddDeviceRevision);
            }

            CreateControlTables(writer);
            Execute(writer, SqliteSchema.CreateAlarms);
            Execute(writer, WelfareSchema.Sqlite);

            // Per connection: fsync the WAL at every commit, so an acknowledged batch is on disk.
            Execute(writer, "PRAGMA synchronous = FULL;");
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        _writer = writer;
        _initialized = true;
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var db = new SqliteConnection(_connectionString);
        await db.OpenAsync(cancellationToken);
        return db;
    }

    private static void CheckSchemaVersion(SqliteConnection db)
    {
        var version = Convert.ToInt32(Scalar(db, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SqliteSchema.Version)
        {
            throw new InvalidOperationException(
                $"The database {DetailText.Quote(db.DataSource)} has schema version {version}; this build knows up to {SqliteSchema.Version}.");
        }
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
