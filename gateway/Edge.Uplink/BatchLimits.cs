namespace Edge.Uplink;

/// <summary>
/// Fixed limits of batch format v1 (BATCH-FORMAT.md, "Limits"). The encoder refuses batches outside them and
/// both decoders (binary and JSON) reject input outside them.
/// </summary>
public static class BatchLimits
{
    /// <summary>Longest identifier in UTF-8 bytes: gateway id, device id, channel, unit, event kind.</summary>
    public const int MaxIdBytes = 256;

    /// <summary>Longest free text in UTF-8 bytes: event detail, gap reason.</summary>
    public const int MaxTextBytes = 4096;

    /// <summary>Largest decimal scale of a channel run (value = mantissa × 10^-scale).</summary>
    public const int MaxScale = 18;

    /// <summary>Most device runs in one batch.</summary>
    public const int MaxDevices = 1_000_000;

    /// <summary>Most channel runs of one device.</summary>
    public const int MaxChannelsPerDevice = 1024;

    /// <summary>Most events in one batch.</summary>
    public const int MaxEvents = 1_000_000;

    /// <summary>Most gap records in one batch.</summary>
    public const int MaxGaps = 100_000;

    /// <summary>Most device ids named by one gap record.</summary>
    public const int MaxGapDeviceIds = 1_000_000;

    /// <summary>Earliest time a batch can carry: 0001-01-01T00:00:00.000Z in Unix milliseconds.</summary>
    public const long MinUnixMs = -62_135_596_800_000;

    /// <summary>Latest time a batch can carry: 9999-12-31T23:59:59.999Z in Unix milliseconds.</summary>
    public const long MaxUnixMs = 253_402_300_799_999;
}
