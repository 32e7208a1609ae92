using Edge.Firmware.Hardware;

namespace Edge.Gateway.Tests.SensorNode;

/// <summary>An in-memory uplink that keeps every acknowledged message; it can be told to fail.</summary>
internal sealed class RecordingUplink : IUplink
{
    public bool Reachable { get; set; } = true;

    public List<(string Topic, byte[] Payload)> Messages { get; } = [];

    public bool IsConnected { get; private set; }

    public bool Connect()
    {
        IsConnected = Reachable;
        return IsConnected;
    }

    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        if (!Reachable)
        {
            IsConnected = false;
            return false;
        }

        Messages.Add((topic, payload.AsSpan(0, count).ToArray()));
        return true;
    }
}
