using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace Edge.Gateway.Diagnostics;

/// <summary>
/// The systemd service watchdog (<c>WatchdogSec=</c> in the unit): systemd passes <c>WATCHDOG_USEC</c> (and
/// <c>WATCHDOG_PID</c>) and expects <c>WATCHDOG=1</c> on <c>NOTIFY_SOCKET</c> more often than that, else it kills
/// and (with <c>Restart=on-failure</c>) restarts the service. Microsoft.Extensions.Hosting.Systemd sends only
/// <c>READY=1</c> and <c>STOPPING=1</c>; <see cref="HealthMonitor"/> pings through this class, and only after a
/// store check succeeded, so a gateway whose store stopped taking writes is restarted.
/// </summary>
internal sealed class SystemdWatchdog
{
    private readonly ISystemdNotifier? _notifier;

    public SystemdWatchdog(IServiceProvider services)
    {
        // Registered by AddSystemd (or by Hosting/SystemdRegistration when only NOTIFY_SOCKET tells): absent when not under systemd.
        _notifier = services.GetService<ISystemdNotifier>();
        Interval = ReadInterval(
            Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
            Environment.GetEnvironmentVariable("WATCHDOG_PID"),
            Environment.ProcessId);
        if (_notifier is not { IsEnabled: true })
        {
            Interval = null;
        }
    }

    /// <summary>The watchdog timeout systemd set (<c>WatchdogSec=</c>); null when there is no watchdog for this process.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>Whether status messages reach systemd (<c>NOTIFY_SOCKET</c> is set).</summary>
    public bool CanNotify => _notifier is { IsEnabled: true };

    /// <summary>Sends <c>WATCHDOG=1</c> if systemd watches this process (<see cref="Interval"/>).</summary>
    public void Ping()
    {
        if (Interval is not null)
        {
            Notify("WATCHDOG=1");
        }
    }

    /// <summary>Sends <c>STATUS=...</c> (shown by <c>systemctl status</c>).</summary>
    public void Status(string text) => Notify("STATUS=" + text.ReplaceLineEndings(" "));

    /// <summary>As sd_watchdog_enabled(3): <c>WATCHDOG_USEC</c> positive, and <c>WATCHDOG_PID</c> unset or this process.</summary>
    internal static TimeSpan? ReadInterval(string? usec, string? pid, int processId)
    {
        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(pid) && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) || owner != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(microseconds);
    }

    private void Notify(string message)
    {
        if (_notifier is not { IsEnabled: true })
        {
            return;
        }

        try
        {
            _notifier.Notify(new ServiceState(message));
        }
        catch (System.Net.Sockets.SocketException)
        {
            // systemd went away or the socket is gone: nothing to tell anyone, and nothing to crash over.
        }
    }
}
