using Edge.Gateway.Links.AzureIotHub;
using Edge.Gateway.Links.Iridium;
using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Links;

/// <summary>Registers the links, their budgets and link choice with the host.</summary>
internal static class LinkRegistration
{
    /// <summary>Adds <see cref="LinkUsageStore"/>, <see cref="IridiumPortLink"/>, <see cref="AzureIotHubLink"/> and <see cref="LinkRouter"/>.</summary>
    public static IServiceCollection AddGatewayLinks(this IServiceCollection services)
    {
        services.AddSingleton<LinkUsageStore>();
        services.AddSingleton<IridiumPortLink>();
        services.AddSingleton<AzureIotHubLink>();
        services.AddSingleton(LinkRouterFactory.Create);
        return services;
    }
}
