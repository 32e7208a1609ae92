using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>Runs <see cref="StoreExpiry"/> at start and then every <see cref="StoreOptions.ExpiryInterval"/>.</summary>
internal sealed partial class StoreExpiryService(
    StoreExpiry expiry,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<StoreExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var dropped = expiry.Expire(time.GetUtcNow().ToUnixTimeMilliseconds());
                    if (dropped.Readings + dropped.Events > 0)
                    {
                        LogExpired(logger, dropped.Readings, dropped.Events);
                    }
                }
                catch (Exception ex)
                {
                    LogExpiryFailed(logger, ex);
                }

                await Task.Delay(options.Value.Store.ExpiryInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "expired {Readings} readings and {Events} events past their TTL; gap records report them")]
    private static partial void LogExpired(ILogger logger, int readings, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "expiring old store rows failed; tried again at the next interval")]
    private static partial void LogExpiryFailed(ILogger logger, Exception error);
}
