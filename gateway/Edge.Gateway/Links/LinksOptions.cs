using Edge.Gateway.Links.AzureIotHub;
using Edge.Gateway.Links.Ip;
using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Links;

/// <summary>
/// The gateway's links (<c>Edge:Gateway:Links</c>). Without any, batches go over HTTP to <c>Ingest:Url</c> (link
/// <c>http</c>, everything allowed, no budget); with any, only the configured ones are used.
/// </summary>
public sealed class LinksOptions
{
    /// <summary>HTTP(S) links, each bound to a network interface, in the order alarms try them.</summary>
    public List<IpLinkOptions> Ip { get; set; } = [];

    /// <summary>The Iridium SBD link; a link when its <see cref="IridiumLinkOptions.Port"/> is set (after the IP links for alarms).</summary>
    public IridiumLinkOptions Iridium { get; set; } = new();

    /// <summary>The Azure IoT Hub MQTT link; a link when its <see cref="AzureIotHubLinkOptions.HostName"/> is set (after the IP links, before Iridium, for alarms).</summary>
    public AzureIotHubLinkOptions AzureIotHub { get; set; } = new();
}
