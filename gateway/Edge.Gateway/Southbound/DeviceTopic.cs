using System.Diagnostics.CodeAnalysis;

namespace Edge.Gateway.Southbound;

/// <summary>The device uplink topic of firmware/FRAME.md: <c>edge/v1/{deviceId}/up</c>.</summary>
internal static class DeviceTopic
{
    public static string For(string deviceId) => $"edge/v1/{deviceId}/up";

    public static bool TryParse(string? topic, [NotNullWhen(true)] out string? deviceId)
    {
        deviceId = null;
        var parts = topic?.Split('/');
        if (parts is not ["edge", "v1", { Length: > 0 } id, "up"])
        {
            return false;
        }

        deviceId = id;
        return true;
    }
}
