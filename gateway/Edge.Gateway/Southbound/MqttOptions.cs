namespace Edge.Gateway.Southbound;

/// <summary>Settings of the embedded MQTT broker (<c>Edge:Gateway:Mqtt</c>).</summary>
public sealed class MqttOptions
{
    /// <summary>TCP port; 0 lets the operating system choose (the ready line names the port taken).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address to listen on (IPv4 or IPv6); loopback unless devices reach the gateway over a network.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";
}
