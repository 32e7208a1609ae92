using Edge.Gateway.Hosting;
using Edge.Gateway.Links.AzureIotHub;
using Edge.Gateway.Links.Ip;
using Edge.Gateway.Links.Iridium;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Links.Routing;

/// <summary>Builds the host's links and their router from <see cref="GatewayOptions.Links"/>.</summary>
internal static class LinkRouterFactory
{
    /// <summary>Name of the implicit link when no links are configured.</summary>
    public const string DefaultName = "http";

    /// <summary>
    /// IP links in the order listed, then Azure IoT Hub when its host name is set, then Iridium when its port is set; with none of them, one unbound HTTP link to
    /// <c>Ingest:Url</c> (none at all when that is empty too: the gateway then only stores).
    /// </summary>
    public static LinkRouter Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GatewayOptions>>();
        var settings = options.Value;
        var time = services.GetRequiredService<TimeProvider>();
        var usage = services.GetRequiredService<LinkUsageStore>();
        var lanes = new List<LinkLane>();
        var order = 0;
        foreach (var ip in settings.Links.Ip)
        {
            var link = new IpLink(
                ip.Name, ip.Interface, Or(ip.Url, settings.Ingest.Url), Or(ip.ApiKey, settings.Ingest.ApiKey), ip.ProbePath,
                ip.RequestTimeout > TimeSpan.Zero ? ip.RequestTimeout : settings.Uplink.RequestTimeout, time);
            lanes.Add(new LinkLane(link, ip.Policy, ip.Policy.Priority ?? order++, IpBatchBytes(ip.Policy, settings), ip.ProbeInterval, usage, time));
        }

        var azure = settings.Links.AzureIotHub;
        if (!string.IsNullOrEmpty(azure.HostName))
        {
            var link = services.GetRequiredService<AzureIotHubLink>();
            var size = AzureIotHubLink.BatchBytes(azure.Policy, settings.Batch.MaxBytes);
            lanes.Add(new LinkLane(link, azure.Policy, azure.Policy.Priority ?? order++, size, azure.ProbeInterval, usage, time));
        }

        var iridium = settings.Links.Iridium;
        if (!string.IsNullOrEmpty(iridium.Port))
        {
            var link = services.GetRequiredService<IridiumPortLink>();
            var size = iridium.Policy.MaxMessageBytes > 0 ? iridium.Policy.MaxMessageBytes : iridium.MaxMessageBytes - SbdFragment.HeaderBytes;
            lanes.Add(new LinkLane(link, iridium.Policy, iridium.Policy.Priority ?? order++, size, null, usage, time));
        }

        if (lanes.Count == 0 && !string.IsNullOrWhiteSpace(settings.Ingest.Url))
        {
            var link = new IpLink(DefaultName, "", settings.Ingest.Url, settings.Ingest.ApiKey, "/healthz", settings.Uplink.RequestTimeout, time);
            var policy = new LinkPolicyOptions { Hysteresis = TimeSpan.Zero };
            lanes.Add(new LinkLane(link, policy, 0, settings.Batch.MaxBytes, null, usage, time));
        }

        return new LinkRouter(lanes);
    }

    private static int IpBatchBytes(LinkPolicyOptions policy, GatewayOptions settings) =>
        policy.MaxMessageBytes > 0 ? policy.MaxMessageBytes : settings.Batch.MaxBytes;

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}
