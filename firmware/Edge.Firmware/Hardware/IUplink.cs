namespace Edge.Firmware.Hardware;

/// <summary>The device's link to its gateway (MQTT on both builds).</summary>
public interface IUplink
{
    /// <summary>True while a session to the broker is open.</summary>
    bool IsConnected { get; }

    /// <summary>Opens the session if it is closed; false when the broker cannot be reached.</summary>
    bool Connect();

    /// <summary>
    /// Publishes with QoS 1 and waits for the acknowledgement. True only when the broker acknowledged
    /// success; false on timeout, refusal or a lost connection (the caller keeps the data and retries).
    /// </summary>
    bool Publish(string topic, byte[] payload, int count, int timeoutMs);

    /// <summary>
    /// Asks for the messages on <paramref name="topic"/> (QoS 1) in this session and in every later one: the uplink
    /// subscribes again after each <see cref="Connect"/>, so a retained message arrives at once after a reconnect.
    /// Call once per topic, before or after connecting.
    /// </summary>
    void Subscribe(string topic);

    /// <summary>
    /// Copies the newest message received on <paramref name="topic"/> since the last call into
    /// <paramref name="buffer"/> and returns its length; 0 when nothing new arrived; -1 when the newest was longer
    /// than the buffer (it is dropped). A message that arrives before the previous one was taken replaces it:
    /// subscribed topics carry state (settings), not events.
    /// </summary>
    int TakeMessage(string topic, byte[] buffer);
}
