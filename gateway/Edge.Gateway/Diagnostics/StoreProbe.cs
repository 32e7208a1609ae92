using System.Globalization;
using Edge.Gateway.Hosting;
using Edge.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// Finds out whether the store still takes writes. A frame commit since the previous check that was not
/// followed by a failed one is proof enough, so a busy gateway writes nothing extra; otherwise the probe commits
/// one row (<c>counters.health_probe_ms</c>) through a connection of its own, waiting at most
/// <see cref="HealthOptions.ProbeTimeout"/> for the write lock. /health and the systemd watchdog read
/// <see cref="Latest"/>.
/// </summary>
internal sealed partial class StoreProbe(
    GatewayDatabase database,
    GatewayCounters counters,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<StoreProbe> logger)
{
    /// <summary>Name of the probe's row in the <c>counters</c> table.</summary>
    public const string ProbeRow = "health_probe_ms";

    private readonly Lock _lock = new();
    private StoreCheck? _latest;
    private DateTimeOffset _previousCheck = DateTimeOffset.MinValue;
    private long _failures;
    private long _lastProbeCommitUnixMs = long.MinValue;

    /// <summary>How long probe commits took (frame commits are in <see cref="GatewayCounters.CommitLatency"/>).</summary>
    public LatencyHistogram ProbeLatency { get; } = new();

    /// <summary>When the probe last committed its row; null if it has not.</summary>
    public DateTimeOffset? LastProbeCommit => Interlocked.Read(ref _lastProbeCommitUnixMs) is var ms && ms != long.MinValue
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : null;

    /// <summary>The last successful write of either kind: a frame commit or a probe commit.</summary>
    public DateTimeOffset? LastCommit => (counters.LastStoreCommit, LastProbeCommit) switch
    {
        ({ } a, { } b) => a > b ? a : b,
        (var a, var b) => a ?? b,
    };

    /// <summary>Checks that failed since start.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The latest check; null before the first.</summary>
    public StoreCheck? Latest
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    /// <summary>Checks now (blocking: at most the probe timeout plus one fsync) and returns the result.</summary>
    public StoreCheck Check()
    {
        var now = time.GetUtcNow();
        var lastCommit = counters.LastStoreCommit;
        var lastFailure = counters.LastStoreFailure;
        StoreCheck check;
        if (lastCommit is { } committed && committed >= _previousCheck && (lastFailure is null || lastFailure < committed))
        {
            check = new StoreCheck(true, now, "commit", null);
        }
        else
        {
            check = Probe(now);
        }

        _previousCheck = now;
        var previous = Latest;
        lock (_lock)
        {
            _latest = check;
        }

        if (!check.Writable)
        {
            Interlocked.Increment(ref _failures);
            if (previous is null || previous.Writable)
            {
                LogNotWritable(logger, check.Error ?? "");
            }
        }
        else if (previous is { Writable: false })
        {
            LogWritableAgain(logger);
        }

        return check;
    }

    private StoreCheck Probe(DateTimeOffset now)
    {
        var started = time.GetTimestamp();
        try
        {
            using var connection = database.Open();
            // Two waits for a busy store: SQLite's busy_timeout, and Microsoft.Data.Sqlite's own retries of a busy
            // statement until the command timeout (whole seconds, also for BEGIN). Both get the probe's timeout.
            var timeout = options.Value.Health.ProbeTimeout;
            connection.DefaultTimeout = TimeoutSeconds(timeout);
            using (var pragma = connection.CreateCommand())
            {
                var ms = (long)Math.Ceiling(timeout.TotalMilliseconds);
                pragma.CommandText = $"PRAGMA busy_timeout = {ms.ToString(CultureInfo.InvariantCulture)}";
                pragma.ExecuteNonQuery();
            }

            using var tx = connection.BeginTransaction(deferred: false);
            using (var write = connection.CreateCommand())
            {
                write.Transaction = tx;
                write.CommandText = "INSERT INTO counters (name, value) VALUES ($name, $now) ON CONFLICT (name) DO UPDATE SET value = excluded.value";
                write.Parameters.AddWithValue("$name", ProbeRow);
                write.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                write.ExecuteNonQuery();
            }

            tx.Commit();
            ProbeLatency.Observe(time.GetElapsedTime(started));
            Interlocked.Exchange(ref _lastProbeCommitUnixMs, now.ToUnixTimeMilliseconds());
            return new StoreCheck(true, now, "probe", null);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new StoreCheck(false, now, "probe", ex.Message);
        }
    }

    /// <summary>The probe's timeout as Microsoft.Data.Sqlite counts it: whole seconds, at least 1.</summary>
    internal static int TimeoutSeconds(TimeSpan timeout) => (int)Math.Max(1, Math.Ceiling(timeout.TotalSeconds));

    [LoggerMessage(Level = LogLevel.Error, Message = "the store does not take writes: {Error}; /health answers 503 and the systemd watchdog is not pinged")]
    private static partial void LogNotWritable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the store takes writes again")]
    private static partial void LogWritableAgain(ILogger logger);
}

/// <summary>The outcome of one store check.</summary>
/// <param name="Writable">Whether the store took a write.</param>
/// <param name="At">When the check ran.</param>
/// <param name="By"><c>commit</c> (a frame commit since the previous check) or <c>probe</c> (the probe's own write).</param>
/// <param name="Error">Why it failed.</param>
internal sealed record StoreCheck(bool Writable, DateTimeOffset At, string By, string? Error);
