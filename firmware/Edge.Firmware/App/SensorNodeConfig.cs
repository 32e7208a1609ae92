namespace Edge.Firmware.App;

/// <summary>Provisioned settings of a sensor node: identity, sampling intervals, buffering and sending.</summary>
public sealed class SensorNodeConfig : IDeviceConfig
{
    /// <summary>Device id: the MQTT username and the tail of the SenML base name.</summary>
    public string DeviceId { get; set; } = "sn-000001";

    /// <summary>Temperature, humidity and pressure (BME/BMP280, SHT3x/4x) every this many seconds, on multiples of it.</summary>
    public int ClimateIntervalSeconds { get; set; } = 600;

    /// <summary>CO2 (SCD4x) interval in seconds (the sensor measures every 5 s; the node keeps the latest).</summary>
    public int Co2IntervalSeconds { get; set; } = 600;

    /// <summary>Particulates (PMS5003, passive mode) interval in seconds.</summary>
    public int ParticulateIntervalSeconds { get; set; } = 600;

    /// <summary>Water level (A02YYUW through its median filter) interval in seconds; 60 in a flood watch.</summary>
    public int WaterLevelIntervalSeconds { get; set; } = 600;

    /// <summary>
    /// Reporting interval in seconds until the gateway sets one: pending readings are sent on multiples of it, or at
    /// once when 0 (the default) or when half the ring is waiting. Seismic windows are always sent at once.
    /// </summary>
    public int ReportingIntervalSeconds { get; set; }

    /// <summary>How long to wait for a UART sensor's answer.</summary>
    public int UartTimeoutMs { get; set; } = 1000;

    /// <summary>Slots in the persistent reading ring (9 channels every 10 min: 2048 ≈ 1.5 days offline).</summary>
    public int RingCapacity { get; set; } = 2048;

    /// <summary>Largest number of readings per frame.</summary>
    public int MaxReadingsPerFrame { get; set; } = 24;

    /// <summary>Samples per axis in one seismic window chunk (9 bytes per sample: 1000 ≈ 9 KB per message).</summary>
    public int WindowChunkSamples { get; set; } = 1000;

    /// <summary>How long to wait for the broker's acknowledgement.</summary>
    public int PublishTimeoutMs { get; set; } = 10000;

    /// <summary>First retry delay after a failed send; doubles up to <see cref="MaxRetryMs"/>.</summary>
    public int MinRetryMs { get; set; } = 5000;

    /// <summary>Longest retry delay.</summary>
    public int MaxRetryMs { get; set; } = 300000;
}
