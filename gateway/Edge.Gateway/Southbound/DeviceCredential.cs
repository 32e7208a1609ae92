namespace Edge.Gateway.Southbound;

/// <summary>One device allowed to connect to the broker (<c>Edge:Gateway:Devices:N</c>).</summary>
public sealed class DeviceCredential
{
    /// <summary>Device id, which is also its MQTT username and the middle of its topic.</summary>
    public string Id { get; set; } = "";

    /// <summary>MQTT password of the device.</summary>
    public string Password { get; set; } = "";
}
