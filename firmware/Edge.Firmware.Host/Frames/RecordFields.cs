namespace Edge.Firmware.Frames;

/// <summary>The fields of one record as read, before FRAME.md's cross-record rules are applied.</summary>
internal sealed class RecordFields
{
    public string? BaseName { get; set; }

    public long? BaseTime { get; set; }

    public string? BaseUnit { get; set; }

    public string? Name { get; set; }

    public string? Unit { get; set; }

    public FrameValue? Value { get; set; }

    public long? Time { get; set; }

    public long? Seq { get; set; }

    /// <summary>The clock quality as a code of <see cref="Hardware.ClockQualities"/>.</summary>
    public int? ClockQuality { get; set; }

    public int? Flags { get; set; }

    public long? BootFirstSeq { get; set; }

    public long? Now { get; set; }

    public int? NowQuality { get; set; }

    public long? Step { get; set; }

    /// <summary>Version of the gateway configuration the device applied (<c>cfg</c>).</summary>
    public long? SettingsVersion { get; set; }

    /// <summary>Sampling interval in force, seconds (<c>si</c>).</summary>
    public long? SamplingSeconds { get; set; }

    /// <summary>Reporting interval in force, seconds (<c>ri</c>).</summary>
    public long? ReportingSeconds { get; set; }
}
