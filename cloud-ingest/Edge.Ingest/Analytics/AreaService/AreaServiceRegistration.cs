using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>Registers the area status service, its catalogue and its worker.</summary>
public static class AreaServiceRegistration
{
    /// <summary>Adds <see cref="AreaServiceOptions"/> (validated at start), <see cref="AreaStatusService"/> and <see cref="AreaStatusWorker"/>.</summary>
    public static IServiceCollection AddAreaStatusService(this IServiceCollection services)
    {
        services.AddOptions<AreaServiceOptions>().BindConfiguration(AreaServiceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AreaServiceOptions>, AreaServiceOptionsValidator>();
        services.AddSingleton<StatusAreaCatalogSource>();
        services.AddSingleton<AreaStatusService>();
        services.AddHostedService<AreaStatusWorker>();
        return services;
    }
}
