using Edge.Firmware.Hardware;

namespace Edge.Gateway.Tests.SensorNode;

/// <summary>An in-memory uplink that keeps every acknowledged message; it can be told to fail.</summary>
internal sealed class RecordingUplink : IUplink
{
    public bool Reachable { get; set; } = true;

    public List<(string Topic, byte[] Payload)> Messages { get; } = [];

    public bool IsConnected { get; private set; }

    /// <summary>The window chunk publish (0-based, counting attempts) that fails once; -1: none.</summary>
    public int FailWindowChunkAt { get; set; } = -1;

    private int _windowAttempts;

    public bool Connect()
    {
        IsConnected = Reachable;
        return IsConnected;
    }

    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        if (topic.EndsWith("/window", StringComparison.Ordinal) && _windowAttempts++ == FailWindowChunkAt)
        {
            return false;
        }

        if (!Reachable)
        {
            IsConnected = false;
            return false;
        }

        Messages.Add((topic, payload.AsSpan(0, count).ToArray()));
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
