using System.Diagnostics.CodeAnalysis;

namespace Edge.Gateway.Southbound;

/// <summary>The seismic window topic of firmware/FRAME.md: <c>edge/v1/{deviceId}/window</c>.</summary>
internal static class SeismicWindowTopic
{
    public static string For(string deviceId) => $"edge/v1/{deviceId}/window";

    public static bool TryParse(string? topic, [NotNullWhen(true)] out string? deviceId)
    {
        deviceId = null;
        var parts = topic?.Split('/');
        if (parts is not ["edge", "v1", { Length: > 0 } id, "window"])
        {
            return false;
        }

        deviceId = id;
        return true;
    }
}
