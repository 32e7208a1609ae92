using Edge.Gateway.Batching;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Uplink;

/// <summary>
/// Sends pending batches over the links (<see cref="LinkRouter"/>): one loop per link, each taking the next batch
/// that link choice puts on it — batches with alarms first, then by class, oldest first (with one link that takes
/// everything: strictly oldest first, as before). A batch is rebuilt from its rows with its stored sequence and
/// creation time, so every retry (also after a crash, also on another link) carries the same batch id. Its rows
/// are deleted, in one transaction, only after the ingest acknowledged it (gateway promise 2). Every send and
/// probe is charged to the link's budget. A link that failed backs off exponentially with jitter (its batches go
/// to other links meanwhile if their policies allow); a refused batch waits the longest backoff.
/// </summary>
internal sealed partial class UplinkService(
    BatchLedger ledger,
    LinkRouter router,
    BatchSignals signals,
    GatewayCounters counters,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    private readonly Backoff _backoff = new(options.Value.Uplink.MinBackoff, options.Value.Uplink.MaxBackoff, Random.Shared);
    private readonly Lock _lock = new();
    private readonly HashSet<long> _inFlight = [];
    private readonly Dictionary<long, byte[]> _bodies = [];
    private readonly Dictionary<long, DateTimeOffset> _heldUntil = [];
    private readonly Pulse _pulse = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (router.Lanes.Count == 0)
        {
            LogNoIngest(logger);
            return;
        }

        try
        {
            var loops = router.Lanes.Select(lane => RunLaneAsync(lane, stoppingToken)).ToList();
            loops.Add(ForwardCutsAsync(stoppingToken));
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A cut batch wakes every link loop.</summary>
    private async Task ForwardCutsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await signals.Cut.WaitAsync(options.Value.Uplink.PollInterval, time, stoppingToken).ConfigureAwait(false);
            _pulse.Set();
        }
    }

    private async Task RunLaneAsync(LinkLane lane, CancellationToken stoppingToken)
    {
        var poll = options.Value.Uplink.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (ProbeDue(lane, time.GetUtcNow()))
            {
                await ProbeAsync(lane, stoppingToken).ConfigureAwait(false);
            }

            (PendingBatch Batch, byte[] Body, TrafficClass Classes, long Allowance)? next;
            try
            {
                next = Take(lane);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStoreUnreadable(logger, ex, _backoff.Max);
                await Task.Delay(_backoff.Max, time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (next is not { } work)
            {
                var wait = lane.ProbeInterval is { } probe && probe < poll ? probe : poll;
                await _pulse.WaitAsync(wait, time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            TimeSpan? delay;
            try
            {
                delay = await SendAsync(lane, work.Batch, work.Body, work.Allowance, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_lock)
                {
                    _inFlight.Remove(work.Batch.Sequence);
                }

                // Another link may take what this one could not; the batcher may cut the next batch.
                _pulse.Set();
                signals.Wake.Set();
            }

            if (delay is { } wait2)
            {
                await Task.Delay(wait2, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The next batch link choice puts on <paramref name="lane"/>, marked in flight; null when none.</summary>
    private (PendingBatch, byte[], TrafficClass, long)? Take(LinkLane lane)
    {
        var now = time.GetUtcNow();
        var pending = ledger.PendingWithClasses();
        IEnumerable<(PendingBatch Batch, TrafficClass Classes)> order = router.IsSingleUnrestricted
            ? pending
            : pending.OrderBy(p => TrafficClasses.Rank(p.Classes)).ThenBy(p => p.Batch.Sequence);
        lock (_lock)
        {
            foreach (var (batch, classes) in order)
            {
                if (_inFlight.Contains(batch.Sequence) || (_heldUntil.TryGetValue(batch.Sequence, out var until) && until > now))
                {
                    continue;
                }

                var body = Body(batch);
                if (router.Choose(classes, body.Length, now) is { } choice && choice.Lane == lane)
                {
                    _inFlight.Add(batch.Sequence);
                    return (batch, body, classes, choice.Allowance);
                }
            }
        }

        return null;
    }

    /// <summary>The encoded batch, built once per pending batch (its rows never change once cut).</summary>
    private byte[] Body(PendingBatch pending)
    {
        if (!_bodies.TryGetValue(pending.Sequence, out var body))
        {
            var content = ledger.ReadContent(pending.Sequence);
            var batch = BatchBuilder.Build(options.Value.Id, pending.Sequence, pending.CreatedUnixMs, content.Readings, content.Events, content.Gaps);
            body = Edge.Uplink.BatchCodec.Encode(batch);
            _bodies[pending.Sequence] = body;
        }

        return body;
    }

    /// <summary>Sends one batch; null to go on at once, else how long this link waits before its next attempt.</summary>
    private async Task<TimeSpan?> SendAsync(LinkLane lane, PendingBatch pending, byte[] body, long allowance, CancellationToken cancellationToken)
    {
        lane.SetBusy(true);
        LinkResult result;
        try
        {
            var outbound = new OutboundBatch(pending.Sequence, body) { MaxWireBytes = allowance == long.MaxValue ? null : allowance };
            result = await lane.Link.SendAsync(outbound, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A link that throws breaks its contract: treat as a failure of the link, nothing is lost.
            result = new LinkResult(LinkOutcome.Transient, $"link threw {ex.GetType().Name}: {ex.Message}", 0);
        }
        finally
        {
            lane.SetBusy(false);
        }

        var now = time.GetUtcNow();
        lane.Charge(result.WireBytes, now);
        switch (result.Outcome)
        {
            case LinkOutcome.Acknowledged:
                lane.RecordSuccess(now);
                try
                {
                    var deleted = ledger.Delete(pending.Sequence);
                    counters.BatchAcknowledged();
                    LogAcknowledged(logger, pending.Sequence, lane.Name, body.Length, result.WireBytes, deleted, result.Detail);
                }
                catch (Exception ex)
                {
                    // The ingest holds the batch; a resend is deduplicated there. Try again slowly.
                    LogSendFailed(logger, ex, pending.Sequence, _backoff.Max);
                    return _backoff.Max;
                }

                lock (_lock)
                {
                    _bodies.Remove(pending.Sequence);
                    _heldUntil.Remove(pending.Sequence);
                }

                return null;
            case LinkOutcome.Deferred:
                LogDeferred(logger, pending.Sequence, lane.Name, result.Detail);
                return null;
            case LinkOutcome.Transient:
                counters.UplinkFailed();
                var delay = _backoff.Delay(lane.ConsecutiveFailures + 1);
                if (result.RetryAfter is { } retryAfter && retryAfter > delay)
                {
                    delay = retryAfter < _backoff.Max ? retryAfter : _backoff.Max;
                }

                lane.RecordFailure(now, delay);
                LogTransient(logger, pending.Sequence, lane.Name, result.Detail, delay);
                return delay;
            default:
                // The link works; the ingest refused this batch. Keep its rows and try it again slowly.
                counters.UplinkFailed();
                lane.RecordSuccess(now);
                lock (_lock)
                {
                    _heldUntil[pending.Sequence] = now + _backoff.Max;
                }

                LogRefused(logger, pending.Sequence, lane.Name, result.Detail, _backoff.Max);
                return null;
        }
    }

    /// <summary>Probe a link that has a probe when it is down or recovering, or has had no result for a probe interval.</summary>
    private static bool ProbeDue(LinkLane lane, DateTimeOffset now) =>
        lane.ProbeInterval is { } interval && (lane.LastResult is not { } last || now - last >= interval);

    private async Task ProbeAsync(LinkLane lane, CancellationToken cancellationToken)
    {
        var probe = (ILinkProbe)lane.Link;
        var before = lane.State(time.GetUtcNow());
        var result = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        lane.Charge(result.WireBytes, now);
        if (result.Outcome == LinkOutcome.Acknowledged)
        {
            lane.RecordSuccess(now);
        }
        else
        {
            lane.RecordFailure(now, lane.ProbeInterval ?? _backoff.Max);
        }

        var after = lane.State(now);
        if (after != before)
        {
            LogLinkState(logger, lane.Name, before, after, result.Detail);
            _pulse.Set();
            signals.Wake.Set();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge:Gateway:Ingest:Url is not set and no link is configured: readings are stored and batched but not sent")]
    private static partial void LogNoIngest(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not read pending batches from the store; retrying in {Delay}")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Sequence} acknowledged over {Link} ({Bytes} bytes, {WireBytes} on the wire); deleted its {Readings} readings and what it carried; ingest said: {Detail}")]
    private static partial void LogAcknowledged(ILogger logger, long sequence, string link, int bytes, long wireBytes, int readings, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "batch {Sequence} not delivered over {Link} ({Detail}); the link waits {Delay}")]
    private static partial void LogTransient(ILogger logger, long sequence, string link, string detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Sequence} deferred on {Link}: {Detail}")]
    private static partial void LogDeferred(ILogger logger, long sequence, string link, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "batch {Sequence} refused by the ingest (via {Link}): {Problem}; its readings are kept, retrying in {Delay}")]
    private static partial void LogRefused(ILogger logger, long sequence, string link, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "batch {Sequence} could not be deleted after its acknowledgement; retrying in {Delay}")]
    private static partial void LogSendFailed(ILogger logger, Exception error, long sequence, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "link {Link}: {Before} -> {After} ({Detail})")]
    private static partial void LogLinkState(ILogger logger, string link, LaneState before, LaneState after, string detail);
}
