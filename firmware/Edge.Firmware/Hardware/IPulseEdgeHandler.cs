namespace Edge.Firmware.Hardware;

/// <summary>Receives raw (undebounced) level changes of pulse inputs.</summary>
public interface IPulseEdgeHandler
{
    /// <summary>Input <paramref name="input"/> changed to <paramref name="high"/> at uptime <paramref name="uptimeMs"/>.</summary>
    void OnEdge(int input, bool high, long uptimeMs);
}
