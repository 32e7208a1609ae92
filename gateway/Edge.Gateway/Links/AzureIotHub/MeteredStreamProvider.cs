using System.Net;
using Edge.Gateway.Links.Ip;
using MQTTnet.Channel;

namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>
/// Opens the MQTT connection's TCP stream through <see cref="InterfaceSocket"/>: bound to the configured interface and
/// counted by a <see cref="CountingStream"/>. MQTTnet layers TLS on top of this stream, so the count is what the
/// TCP connection carries: TLS records with the MQTT packets inside (TCP/IP headers are not counted).
/// </summary>
internal sealed class MeteredStreamProvider(string interfaceName, WireCounter counter) : IMqttClientStreamProvider
{
    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var target = brokerEndPoint switch
        {
            DnsEndPoint dns => dns,
            IPEndPoint ip => new DnsEndPoint(ip.Address.ToString(), ip.Port),
            _ => throw new ArgumentException($"unsupported broker end point {brokerEndPoint}", nameof(brokerEndPoint)),
        };
        try
        {
            return await InterfaceSocket.ConnectAsync(interfaceName, target, counter, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // InterfaceSocket speaks for the HTTP links; here the same failure is an I/O error of the MQTT channel.
            throw new IOException(ex.Message, ex);
        }
    }
}
