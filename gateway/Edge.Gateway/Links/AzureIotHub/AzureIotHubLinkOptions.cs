using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>
/// The optional Azure IoT Hub uplink (<c>Edge:Gateway:Links:AzureIotHub</c>): batches published over MQTT 3.1.1 to
/// the hub's device-to-cloud topic, authenticated with a SAS token. A link when <see cref="HostName"/> is set.
/// </summary>
public sealed class AzureIotHubLinkOptions
{
    /// <summary>Name for logs, metrics and the budget table.</summary>
    public string Name { get; set; } = "azure";

    /// <summary>The hub's full host name (CName), e.g. <c>contoso.azure-devices.net</c>; empty: no Azure link.</summary>
    public string HostName { get; set; } = "";

    /// <summary>The device identity the gateway connects as (MQTT client id; case-sensitive).</summary>
    public string DeviceId { get; set; } = "";

    /// <summary>Base64 key: the device's symmetric key, or a shared access policy's key when <see cref="SharedAccessKeyName"/> is set.</summary>
    public string SharedAccessKey { get; set; } = "";

    /// <summary>Policy name (<c>skn</c>) when <see cref="SharedAccessKey"/> belongs to a shared access policy with DeviceConnect; empty for a device key.</summary>
    public string SharedAccessKeyName { get; set; } = "";

    /// <summary>Where to connect; empty takes <see cref="HostName"/>. For tests and protocol gateways (a Mosquitto with the same topic layout).</summary>
    public string BrokerHost { get; set; } = "";

    /// <summary>TCP port: 8883 (MQTT over TLS) on IoT Hub.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>TLS on the connection; IoT Hub accepts nothing else (TLS 1.2 or later).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>PEM file of the root certificate(s) the broker's certificate must chain to; empty: the system's trust store.</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>Network interface the socket is bound to (e.g. <c>wwan0</c>); empty: the system's routing decides.</summary>
    public string Interface { get; set; } = "";

    /// <summary>Lifetime of each SAS token (<c>se</c> = now + this).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before its token expires the connection is closed and opened again with a fresh token.</summary>
    public TimeSpan TokenRenewBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>MQTT keep-alive; IoT Hub allows at most 1177 s.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(230);

    /// <summary>Longest wait for CONNACK, SUBACK or PUBACK.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the link is probed (connected) while it is down, recovering, or idle.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Subscribe to <c>devices/{device-id}/messages/devicebound/#</c> and raise <see cref="AzureIotHubLink.CloudToDeviceReceived"/>.</summary>
    public bool CloudToDevice { get; set; }

    /// <summary>
    /// <c>$.ce</c> of every message; empty leaves it out. IoT Hub reads it as the body's character set (utf-8/16/32),
    /// which a binary batch has none of.
    /// </summary>
    public string ContentEncoding { get; set; } = "";

    /// <summary>What the link may carry and spend (budgets count the TCP stream: TLS records with MQTT framing inside).</summary>
    public LinkPolicyOptions Policy { get; set; } = new();
}
