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

    public List<string> Subscriptions { get; } = [];

    private readonly Dictionary<string, byte[]> _inbox = new(StringComparer.Ordinal);

    /// <summary>Delivers a message as the broker would (the newest replaces an untaken one); only on subscribed topics.</summary>
    public void Deliver(string topic, byte[] payload)
    {
        if (Subscriptions.Contains(topic))
        {
            _inbox[topic] = payload;
        }
    }

    public void Subscribe(string topic) => Subscriptions.Add(topic);

    public int TakeMessage(string topic, byte[] buffer)
    {
        if (!_inbox.Remove(topic, out var message))
        {
            return 0;
        }

        if (message.Length > buffer.Length)
        {
            return -1;
        }

        message.CopyTo(buffer, 0);
        return message.Length;
    }
}
