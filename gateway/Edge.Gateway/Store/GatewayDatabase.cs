using Edge.Gateway.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>
/// The store's SQLite file in the data directory. Every connection runs in WAL mode with
/// <c>synchronous=FULL</c>, so a committed transaction has been fsynced to the WAL (DESIGN.md, gateway
/// promise 1). <see cref="Initialize"/> checks, recovers and creates the schema once before first use.
/// </summary>
internal sealed partial class GatewayDatabase
{
    /// <summary>File name of the store inside the data directory.</summary>
    public const string FileName = "gateway.db";

    private readonly TimeProvider _time;
    private readonly ILogger<GatewayDatabase> _logger;
    private readonly string _connectionString;
    private readonly Lock _initLock = new();
    private bool _initialized;

    public GatewayDatabase(IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayDatabase> logger)
    {
        _time = time;
        _logger = logger;
        DataDir = Path.GetFullPath(options.Value.DataDir);
        FilePath = Path.Combine(DataDir, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Connections are few and long-lived; without pooling no handle outlives its owner.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Absolute path of the data directory.</summary>
    public string DataDir { get; }

    /// <summary>Absolute path of the SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Creates the data directory, runs the integrity check (moving a corrupt file aside), switches the file
    /// to WAL and creates the schema. Safe to call more than once.
    /// </summary>
    public void Initialize()
    {
        lock (_initLock)
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(DataDir);
            var aside = StoreRecovery.CheckOrMoveAside(FilePath, _connectionString, _time, _logger);
            using var connection = Open();
            using (var wal = connection.CreateCommand())
            {
                // journal_mode is persistent in the file; synchronous is per connection (set in Open).
                wal.CommandText = "PRAGMA journal_mode = WAL";
                var mode = (string?)wal.ExecuteScalar();
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"the store could not switch to WAL (journal_mode is {mode})");
                }
            }

            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            StoreSchema.Apply(connection, now);
            if (aside is not null)
            {
                // The fresh store's first gap record tells the cloud that the old store's data are lost.
                var gap = CorruptStoreGap.Read(aside);
                using var tx = connection.BeginTransaction();
                GapLog.Add(connection, tx, gap.DeviceIds, gap.FromUnixMs, gap.ToUnixMs, gap.Count, gap.Reason, now);
                tx.Commit();
                LogCorruptGap(_logger, gap.DeviceIds.Count, gap.Count);
            }

            _initialized = true;
        }
    }

    /// <summary>Opens a connection with the store's per-connection settings.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "recorded a store-corrupt gap record for {Devices} devices and {Readings} readings of the old store")]
    private static partial void LogCorruptGap(ILogger logger, int devices, long readings);
}
