using MQTTnet.Formatter;

namespace Edge.Firmware.Mqtt;

/// <summary>Where and how the host build's uplink connects.</summary>
public sealed class MqttUplinkOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Broker TCP port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>MQTT username: the device id.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>MQTT password provisioned for the device.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Client id (defaults to the username).</summary>
    public string? ClientId { get; set; }

    /// <summary>Protocol version: 3.1.1 or 5.</summary>
    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V500;

    /// <summary>How long a connection attempt may take.</summary>
    public int ConnectTimeoutMs { get; set; } = 5000;
}
