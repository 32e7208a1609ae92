using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>Registers the alarm book, its storage and the background recomputation.</summary>
public static class AlarmRegistration
{
    /// <summary>Adds <see cref="AlarmLedger"/>, <see cref="AlarmRecomputeQueue"/>, <see cref="AlarmRecomputer"/> and the worker.</summary>
    public static IServiceCollection AddEdgeAlarms(this IServiceCollection services)
    {
        services.AddOptions<AlarmRecomputeOptions>().BindConfiguration(AlarmRecomputeOptions.SectionName)
            .Validate(o => o.TimerPeriod > TimeSpan.Zero, "Edge:Ingest:Analytics:Recompute:TimerPeriod must be positive.")
            .Validate(o => o.MaxPendingMeters > 0, "Edge:Ingest:Analytics:Recompute:MaxPendingMeters must be positive.")
            .ValidateOnStart();
        services.AddSingleton(provider => (IAlarmStore)provider.GetRequiredService<IIngestStore>());
        services.AddSingleton<AlarmLedger>();
        services.AddSingleton<AlarmRecomputeQueue>();
        services.AddSingleton<AlarmRecomputer>();
        services.AddSingleton<AlarmRecomputeWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<AlarmRecomputeWorker>());
        return services;
    }
}
