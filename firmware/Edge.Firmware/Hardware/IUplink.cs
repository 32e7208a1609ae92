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
}
