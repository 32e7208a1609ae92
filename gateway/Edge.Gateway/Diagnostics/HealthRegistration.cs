namespace Edge.Gateway.Diagnostics;

/// <summary>Registers the store probe, the systemd watchdog ping and the /health and /metrics listener.</summary>
internal static class HealthRegistration
{
    /// <summary>
    /// Call after the store's writer is registered (hosted services start in order): the first store check runs
    /// before the listener opens and before the broker prints its ready line.
    /// </summary>
    public static void AddHealth(IServiceCollection services)
    {
        services.AddSingleton<StoreProbe>();
        services.AddSingleton<SystemdWatchdog>();
        services.AddSingleton<HealthMonitor>();
        services.AddSingleton<MetricsReport>();
        services.AddSingleton<HealthReport>();
        services.AddSingleton<HealthListener>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<HealthListener>());
    }
}
