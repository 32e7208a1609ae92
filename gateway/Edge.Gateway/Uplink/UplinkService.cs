using Edge.Gateway.Batching;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links;
using Edge.Gateway.Store;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Uplink;

/// <summary>
/// Sends pending batches to the ingest through the configured <see cref="ILink"/> (HTTP, or Iridium SBD when
/// <c>Links:Iridium:Port</c> is set), oldest first, one at a time. A batch is rebuilt from its rows with
/// its stored sequence and creation time, so every retry (also after a crash) carries the same batch id.
/// Its readings, events and gap records are deleted, in one transaction, only after the ingest answered 200
/// (gateway promise 2).
/// Transient failures back off exponentially with jitter; refusals keep the rows and retry at the longest backoff.
/// </summary>
internal sealed partial class UplinkService(
    BatchLedger ledger,
    ILink link,
    BatchSignals signals,
    GatewayCounters counters,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<UplinkService> logger) : BackgroundService
{
    private readonly Backoff _backoff = new(options.Value.Uplink.MinBackoff, options.Value.Uplink.MaxBackoff, Random.Shared);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (link is HttpIngestLink { IsConfigured: false })
        {
            LogNoIngest(logger);
            return;
        }

        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                PendingBatch? pending;
                try
                {
                    pending = ledger.Oldest();
                }
                catch (Exception ex)
                {
                    LogStoreUnreadable(logger, ex, _backoff.Max);
                    await Task.Delay(_backoff.Max, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (pending is null)
                {
                    await signals.Cut.WaitAsync(options.Value.Uplink.PollInterval, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var delay = await SendAsync(pending, failures + 1, stoppingToken).ConfigureAwait(false);
                if (delay is null)
                {
                    failures = 0;
                    continue;
                }

                failures++;
                counters.UplinkFailed();
                await Task.Delay(delay.Value, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one batch; null when it was acknowledged, else how long to wait before the next attempt.</summary>
    private async Task<TimeSpan?> SendAsync(PendingBatch pending, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            var content = ledger.ReadContent(pending.Sequence);
            var batch = BatchBuilder.Build(options.Value.Id, pending.Sequence, pending.CreatedUnixMs, content.Readings, content.Events, content.Gaps);
            var body = BatchCodec.Encode(batch);
            var result = await link.SendAsync(new OutboundBatch(pending.Sequence, body), cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case LinkOutcome.Acknowledged:
                    var deleted = ledger.Delete(pending.Sequence);
                    counters.BatchAcknowledged();
                    signals.Wake.Set();
                    LogAcknowledged(logger, pending.Sequence, body.Length, deleted, content.Events.Count, content.Gaps.Count, result.Detail);
                    return null;
                case LinkOutcome.Transient:
                    var delay = _backoff.Delay(attempt);
                    if (result.RetryAfter is { } retryAfter && retryAfter > delay)
                    {
                        delay = retryAfter < _backoff.Max ? retryAfter : _backoff.Max;
                    }

                    LogTransient(logger, pending.Sequence, result.Detail, delay);
                    return delay;
                default:
                    LogRefused(logger, pending.Sequence, result.Detail, _backoff.Max);
                    return _backoff.Max;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Building or encoding failed, or the store could not be read: nothing is lost, try again slowly.
            LogSendFailed(logger, ex, pending.Sequence, _backoff.Max);
            return _backoff.Max;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge:Gateway:Ingest:Url is not set: readings are stored and batched but not sent")]
    private static partial void LogNoIngest(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not read pending batches from the store; retrying in {Delay}")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Sequence} acknowledged ({Bytes} bytes); deleted its {Readings} readings, {Events} events and {Gaps} gap records; ingest said: {Detail}")]
    private static partial void LogAcknowledged(ILogger logger, long sequence, int bytes, int readings, int events, int gaps, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "batch {Sequence} not delivered ({Detail}); retrying in {Delay}")]
    private static partial void LogTransient(ILogger logger, long sequence, string detail, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "batch {Sequence} refused by the ingest: {Problem}; its readings are kept, retrying in {Delay}")]
    private static partial void LogRefused(ILogger logger, long sequence, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "batch {Sequence} could not be prepared or sent; its readings are kept, retrying in {Delay}")]
    private static partial void LogSendFailed(ILogger logger, Exception error, long sequence, TimeSpan delay);
}
