using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// Runs <see cref="AreaStatusService"/>: at start, at every new hour, and within one <see cref="AreaServiceOptions.PollInterval"/>
/// after new data was stored (the store's reading total moved). Time comes from <see cref="TimeProvider"/>, so tests
/// drive it with a fake clock. A failed recompute is logged and retried at the next tick.
/// </summary>
public sealed class AreaStatusWorker(
    AreaStatusService service,
    StatusAreaCatalogSource catalog,
    IIngestStore store,
    IOptions<AreaServiceOptions> options,
    TimeProvider time,
    ILogger<AreaStatusWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A bad catalogue stops the service at start, with its defects.
        _ = catalog.Catalog;
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        long? readings = null;
        var hour = DateTimeOffset.MinValue;
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var thisHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
                var stored = (await store.GetStatsAsync(stoppingToken)).Readings;
                if (stored != readings || thisHour != hour)
                {
                    await service.RecomputeNowAsync(stoppingToken);
                    (readings, hour) = (stored, thisHour);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AreaServiceLog.Failed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
