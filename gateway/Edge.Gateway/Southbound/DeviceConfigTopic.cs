namespace Edge.Gateway.Southbound;

/// <summary>The device configuration topic of firmware/FRAME.md: <c>edge/v1/{deviceId}/config</c> (gateway to device, retained).</summary>
public static class DeviceConfigTopic
{
    /// <summary>The topic of <paramref name="deviceId"/>.</summary>
    public static string For(string deviceId) => $"edge/v1/{deviceId}/config";
}
