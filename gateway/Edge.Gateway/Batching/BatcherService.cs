using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Batching;

/// <summary>Runs <see cref="BatchCutter"/> every poll interval, or at once when a batch was acknowledged.</summary>
internal sealed partial class BatcherService(
    BatchCutter cutter,
    BatchSignals signals,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<BatcherService> logger) : BackgroundService
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
                    if (cutter.CutDue(time.GetUtcNow().ToUnixTimeMilliseconds()).Count > 0)
                    {
                        signals.Cut.Set();
                    }
                }
                catch (Exception ex)
                {
                    LogCutFailed(logger, ex);
                }

                await signals.Wake.WaitAsync(options.Value.Batch.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "cutting a batch failed; the readings stay in the store and it is tried again")]
    private static partial void LogCutFailed(ILogger logger, Exception error);
}
