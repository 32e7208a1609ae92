namespace Edge.Firmware.App;

/// <summary>The provisioned settings every device app has: identity, buffering and sending (<see cref="DeviceRuntime"/>).</summary>
public interface IDeviceConfig
{
    /// <summary>Device id: the MQTT username and the tail of the SenML base name.</summary>
    string DeviceId { get; }

    /// <summary>Reporting interval in seconds until the gateway sets one (0: every reading at once).</summary>
    int ReportingIntervalSeconds { get; }

    /// <summary>Slots in the persistent reading ring.</summary>
    int RingCapacity { get; }

    /// <summary>Largest number of readings per frame.</summary>
    int MaxReadingsPerFrame { get; }

    /// <summary>How long to wait for the broker's acknowledgement.</summary>
    int PublishTimeoutMs { get; }

    /// <summary>First retry delay after a failed send; doubles up to <see cref="MaxRetryMs"/>.</summary>
    int MinRetryMs { get; }

    /// <summary>Longest retry delay.</summary>
    int MaxRetryMs { get; }
}
