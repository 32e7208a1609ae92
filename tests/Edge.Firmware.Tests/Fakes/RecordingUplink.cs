using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>An uplink that keeps a copy of every acknowledged frame; it can be told to fail.</summary>
public sealed class RecordingUplink : IUplink
{
    public bool Reachable { get; set; } = true;

    public List<byte[]> Frames { get; } = [];

    public List<string> Topics { get; } = [];

    public int Attempts { get; private set; }

    public bool IsConnected { get; private set; }

    public bool Connect()
    {
        IsConnected = Reachable;
        return IsConnected;
    }

    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        Attempts++;
        if (!Reachable)
        {
            IsConnected = false;
            return false;
        }

        Frames.Add(payload.AsSpan(0, count).ToArray());
        Topics.Add(topic);
        return true;
    }
}
