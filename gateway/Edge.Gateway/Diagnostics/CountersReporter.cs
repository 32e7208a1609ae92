using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Diagnostics;

/// <summary>Logs <see cref="GatewayCounters"/> every <see cref="GatewayOptions.CounterLogInterval"/> and once at stop.</summary>
internal sealed partial class CountersReporter(
    GatewayCounters counters,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<CountersReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.CounterLogInterval, time, stoppingToken).ConfigureAwait(false);
                LogCounters(logger, counters.ToString());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogCounters(logger, counters.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "counters: {Counters}")]
    private static partial void LogCounters(ILogger logger, string counters);
}
