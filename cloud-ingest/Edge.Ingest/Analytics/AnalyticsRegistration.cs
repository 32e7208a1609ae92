using Edge.Ingest.Analytics.AreaService;
using Edge.Ingest.Analytics.Stream;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics;

/// <summary>Registers the analytics options (bound from <see cref="AnalyticsOptions.SectionName"/>, validated at start).</summary>
public static class AnalyticsRegistration
{
    /// <summary>Adds <see cref="AnalyticsOptions"/> with its validator, and the change hub behind <c>GET /v1/stream</c>.</summary>
    public static IServiceCollection AddEdgeAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>();
        services.AddSingleton<AnalyticsEventHub>();
        services.AddAreaStatusService();
        return services;
    }
}
