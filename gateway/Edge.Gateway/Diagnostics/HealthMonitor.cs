using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// Checks the store every <see cref="HealthOptions.ProbeInterval"/> (<see cref="StoreProbe"/>) and, under a
/// systemd watchdog, pings it after each check that succeeded, checking at least twice per watchdog timeout.
/// While the store does not take writes no ping goes out, so systemd restarts the gateway after
/// <c>WatchdogSec</c>; the same holds if this loop or the process hangs.
/// </summary>
internal sealed partial class HealthMonitor(
    StoreProbe probe,
    SystemdWatchdog watchdog,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<HealthMonitor> logger) : BackgroundService
{
    /// <summary>Time between checks: the probe interval, or half the watchdog timeout if that is shorter.</summary>
    public TimeSpan Period => watchdog.Interval is { } w && w / 2 < options.Value.Health.ProbeInterval
        ? w / 2
        : options.Value.Health.ProbeInterval;

    private StoreCheck? _first;

    /// <summary>The largest age of <see cref="StoreProbe.Latest"/> at which it still counts (else this loop is stuck).</summary>
    public TimeSpan StaleAfter => (3 * Period) + TimeSpan.FromSeconds(StoreProbe.TimeoutSeconds(options.Value.Health.ProbeTimeout));

    /// <summary>Checks the store once before the gateway reports ready, so /health has an answer from the start.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _first = await Task.Run(probe.Check, cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (watchdog.Interval is { } interval)
        {
            LogWatchdog(logger, interval, Period);
        }

        bool? writable = null;
        var check = _first ?? await Task.Run(probe.Check, stoppingToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (check.Writable)
                {
                    watchdog.Ping();
                }

                if (writable != check.Writable)
                {
                    watchdog.Status(check.Writable ? "store takes writes" : "store does not take writes: " + check.Error);
                    writable = check.Writable;
                }

                await Task.Delay(Period, time, stoppingToken).ConfigureAwait(false);

                // SQLite calls block: off the caller's thread, so a stuck fsync delays only this loop (and thus the ping).
                check = await Task.Run(probe.Check, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog {Interval}: the store is checked and the watchdog pinged every {Period}")]
    private static partial void LogWatchdog(ILogger logger, TimeSpan interval, TimeSpan period);
}
