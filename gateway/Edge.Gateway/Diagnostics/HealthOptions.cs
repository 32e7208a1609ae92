namespace Edge.Gateway.Diagnostics;

/// <summary>
/// The health and metrics listener (<c>Edge:Gateway:Health</c>): <c>GET /health</c> and <c>GET /metrics</c>
/// (Prometheus text format) over plain HTTP, on loopback unless <see cref="BindAddress"/> says otherwise.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>Whether the listener runs. The store probe and the systemd watchdog run either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address to listen on; loopback by default (put a reverse proxy or an SSH tunnel in front for remote scrapes).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (written to standard output as <c>gateway health http=address:port</c>).</summary>
    public int Port { get; set; } = 9180;

    /// <summary>
    /// How often the store's writability is checked. A check that finds a frame commit since the previous one
    /// writes nothing; otherwise it commits one small probe row. The systemd watchdog is pinged after a check
    /// that succeeded, at least twice per <c>WatchdogSec</c>.
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a probe waits for the store's write lock before it counts as failed (whole seconds, at least 1).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Store statistics (queue depth, oldest item) are computed at most this often for /metrics.</summary>
    public TimeSpan StoreStatsMaxAge { get; set; } = TimeSpan.FromSeconds(5);
}
