namespace Edge.Firmware.App;

/// <summary>Provisioned settings of a pulse-output water meter node.</summary>
public sealed class PulseMeterConfig : IDeviceConfig
{
    /// <summary>Device id: the MQTT username and the tail of the SenML base name.</summary>
    public string DeviceId { get; set; } = "pm-000001";

    /// <summary>Millilitres per pulse (the meter's pulse factor; 1 L = 1000, 10 L = 10000, 0.25 L = 250).</summary>
    public int MillilitresPerPulse { get; set; } = 1000;

    /// <summary>How long a reed level must hold to count, in milliseconds.</summary>
    public int DebounceMs { get; set; } = 10;

    /// <summary>True when reed B is wired for direction detection.</summary>
    public bool Quadrature { get; set; } = true;

    /// <summary>Tamper input level that means "tampered".</summary>
    public bool TamperActiveHigh { get; set; } = true;

    /// <summary>Reading interval in seconds; readings are taken on multiples of it (3600: on the hour).</summary>
    public int ReadingIntervalSeconds { get; set; } = 3600;

    /// <summary>
    /// Reporting interval in seconds until the gateway sets one: pending readings are sent on multiples of it, or at
    /// once when 0 (the default) or when half the ring is waiting.
    /// </summary>
    public int ReportingIntervalSeconds { get; set; }

    /// <summary>Slots in the persistent reading ring (hourly readings: 512 ≈ 21 days offline).</summary>
    public int RingCapacity { get; set; } = 512;

    /// <summary>Largest number of readings per frame.</summary>
    public int MaxReadingsPerFrame { get; set; } = 24;

    /// <summary>How long to wait for the broker's acknowledgement.</summary>
    public int PublishTimeoutMs { get; set; } = 10000;

    /// <summary>First retry delay after a failed send; doubles up to <see cref="MaxRetryMs"/>.</summary>
    public int MinRetryMs { get; set; } = 5000;

    /// <summary>Longest retry delay.</summary>
    public int MaxRetryMs { get; set; } = 300000;

    /// <summary>Persist the register after this many pulses at most (1: every pulse survives a power cut).</summary>
    public int PersistEveryPulses { get; set; } = 1;
}
