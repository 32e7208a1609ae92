using System.Threading.Channels;
using Edge.Gateway.Batching;
using Edge.Gateway.Clock;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>
/// Group commit: publishers enqueue frames, one writer thread takes everything queued (up to a bound),
/// writes it in one transaction and commits (fsync, as <see cref="GatewayDatabase"/> sets
/// <c>synchronous=FULL</c>), then completes every frame of that transaction. Rows are inserted with
/// <c>INSERT OR IGNORE</c> against UNIQUE(device, seq), so a retransmission is not stored twice; a frame's
/// events go into the same transaction, and so does one usage update per class (<see cref="StoreUsage"/>).
/// Before the commit, <see cref="StoreEviction"/> makes room if the store is over its limit (with gap records). A stored alarm wakes the batcher at once.
/// Starting it initializes the store; stopping it finishes every frame already queued.
/// </summary>
internal sealed partial class ReadingWriter : IHostedService
{
    private const int MaxFramesPerCommit = 1024;
    private const int MaxReadingsPerCommit = 20_000;

    private readonly GatewayDatabase _database;
    private readonly GatewayCounters _counters;
    private readonly ILogger<ReadingWriter> _logger;
    private readonly IOptions<GatewayOptions> _options;
    private readonly BatchSignals _signals;
    private readonly TimeProvider _time;
    private readonly StoreLimits? _limits;
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(8192) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task _loop = Task.CompletedTask;

    public ReadingWriter(
        GatewayDatabase database,
        GatewayCounters counters,
        IOptions<GatewayOptions> options,
        BatchSignals signals,
        TimeProvider time,
        ILogger<ReadingWriter> logger,
        StoreLimits? limits = null)
    {
        _limits = limits;
        _database = database;
        _counters = counters;
        _options = options;
        _signals = signals;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Queues a frame's readings and completes once they are committed. Throws when the commit failed or
    /// the writer has stopped; nothing of the frame is then acknowledged.
    /// </summary>
    public Task<StoreWriteResult> AppendAsync(IReadOnlyList<ReadingRecord> readings, CancellationToken cancellationToken) =>
        AppendAsync(new StoredFrame(readings, []), cancellationToken);

    /// <summary>Queues a frame's readings and events; completes once they are committed (see the other overload).</summary>
    public async Task<StoreWriteResult> AppendAsync(StoredFrame frame, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(frame);
        await _queue.Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        return await write.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _database.Initialize();
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        var group = new List<PendingWrite>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                group.Clear();
                var readings = 0;
                while (group.Count < MaxFramesPerCommit && readings < MaxReadingsPerCommit && _queue.Reader.TryRead(out var write))
                {
                    group.Add(write);
                    readings += write.Readings.Count;
                }

                try
                {
                    connection ??= _database.Open();
                    var started = _time.GetTimestamp();
                    var (results, evicted, alarms) = Commit(connection, group);
                    _counters.StoreCommitted(_time.GetElapsedTime(started), _time.GetUtcNow());
                    _counters.Evicted(evicted.Readings, evicted.Events);
                    if (evicted.Readings + evicted.Events > 0)
                    {
                        LogEvicted(_logger, evicted.Readings, evicted.Events);
                    }

                    if (alarms)
                    {
                        _signals.Wake.Set();
                    }

                    for (var i = 0; i < group.Count; i++)
                    {
                        _counters.Stored(results[i].Stored, results[i].Duplicates);
                        group[i].Complete(results[i]);
                    }
                }
                catch (Exception ex)
                {
                    _counters.StoreFailed(_time.GetUtcNow());
                    LogCommitFailed(_logger, ex, group.Count, readings);
                    foreach (var write in group)
                    {
                        write.Fail(ex);
                    }

                    // Reopen on the next group: the connection may be unusable after an I/O error.
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private (StoreWriteResult[] Results, DropResult Evicted, bool Alarms) Commit(SqliteConnection connection, List<PendingWrite> group)
    {
        var results = new StoreWriteResult[group.Count];
        var usage = new StoreUsage();
        var alarms = false;
        using var tx = connection.BeginTransaction(deferred: false);
        using (var readings = new ReadingInserter(connection, tx))
        using (var events = new EventInserter(connection, tx))
        {
            for (var i = 0; i < group.Count; i++)
            {
                var stored = readings.Insert(group[i].Readings, usage);
                var storedEvents = events.Insert(group[i].Frame.Events, usage, out var alarm);
                if (group[i].Frame.Epoch is { } epoch)
                {
                    ClockEpochStore.Save(connection, tx, epoch, group[i].Frame.EpochRefined);
                }

                if (group[i].Frame.MeterSequence is { } sequence)
                {
                    MeterSequences.Save(connection, tx, sequence);
                }

                alarms |= alarm;
                results[i] = new StoreWriteResult(stored, group[i].Readings.Count - stored, storedEvents);
            }
        }

        // One UPDATE per class for the whole group; eviction then sees the totals including this group.
        usage.Apply(connection, tx);
        var evicted = StoreEviction.Trim(connection, tx, _limits?.Current ?? _options.Value.Store, _time.GetUtcNow().ToUnixTimeMilliseconds());
        tx.Commit();
        return (results, evicted, alarms);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "store full: evicted {Readings} readings and {Events} events (lowest class, oldest first); gap records report them")]
    private static partial void LogEvicted(ILogger logger, int readings, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "store commit of {Frames} frames ({Readings} readings) failed; none of them is acknowledged")]
    private static partial void LogCommitFailed(ILogger logger, Exception error, int frames, int readings);
}
