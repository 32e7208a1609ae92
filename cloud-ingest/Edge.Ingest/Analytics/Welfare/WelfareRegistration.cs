using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>Registers the welfare watch service: its book, storage, queue and background worker.</summary>
public static class WelfareRegistration
{
    /// <summary>Adds <see cref="WelfareBook"/>, <see cref="WelfareQueue"/>, <see cref="WelfareRecomputer"/> and <see cref="WelfareWorker"/>.</summary>
    public static IServiceCollection AddEdgeWelfare(this IServiceCollection services)
    {
        services.AddOptions<WelfareServiceOptions>().BindConfiguration(WelfareServiceOptions.SectionName)
            .Validate(o => o.TimerPeriod > TimeSpan.Zero, "Edge:Ingest:Analytics:WelfareService:TimerPeriod must be positive.")
            .Validate(o => o.Lookback >= TimeSpan.FromDays(1), "Edge:Ingest:Analytics:WelfareService:Lookback must be at least a day.")
            .ValidateOnStart();
        services.AddSingleton(provider => (IWelfareStore)provider.GetRequiredService<IIngestStore>());
        services.AddSingleton<WelfareBook>();
        services.AddSingleton<WelfareQueue>();
        services.AddSingleton<WelfareRecomputer>();
        services.AddSingleton<WelfareWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<WelfareWorker>());
        return services;
    }
}
