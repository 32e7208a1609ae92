using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>
/// An in-memory uplink that keeps every acknowledged message; it can be told to fail. Shared by the device app
/// tests here and in Edge.Gateway.Tests (linked file).
/// </summary>
public sealed class RecordingUplink : IUplink
{
    private readonly Dictionary<string, byte[]> _inbox = new(StringComparer.Ordinal);
    private int _windowAttempts;

    public bool Reachable { get; set; } = true;

    /// <summary>The window chunk publish (0-based, counting attempts) that fails once; -1: none.</summary>
    public int FailWindowChunkAt { get; set; } = -1;

    /// <summary>Acknowledged messages in order, with their topics.</summary>
    public List<(string Topic, byte[] Payload)> Messages { get; } = [];

    /// <summary>The payloads of <see cref="Messages"/> (a copy).</summary>
    public List<byte[]> Frames => Messages.ConvertAll(m => m.Payload);

    /// <summary>The topics of <see cref="Messages"/> (a copy).</summary>
    public List<string> Topics => Messages.ConvertAll(m => m.Topic);

    /// <summary>Publish calls, failed ones included.</summary>
    public int Attempts { get; private set; }

    public bool IsConnected { get; private set; }

    public List<string> Subscriptions { get; } = [];

    public bool Connect()
    {
        IsConnected = Reachable;
        return IsConnected;
    }

    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        Attempts++;
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
