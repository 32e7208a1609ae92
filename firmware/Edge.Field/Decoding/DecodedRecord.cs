namespace Edge.Field.Decoding;

/// <summary>One SenML record of a device frame, with the base values of the frame applied.</summary>
public sealed record DecodedRecord
{
    /// <summary>Position in the frame, starting at 1.</summary>
    public required int Index { get; init; }

    /// <summary>The channel (<c>n</c>), e.g. <c>volume</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The record's value (<c>v</c>).</summary>
    public required SenmlValue Value { get; init; }

    /// <summary>The unit: the record's <c>u</c>, else the frame's <c>bu</c>, else empty.</summary>
    public required string Unit { get; init; }

    /// <summary>Seconds relative to the base time (<c>t</c>; 0 when absent).</summary>
    public required long TimeOffsetSeconds { get; init; }

    /// <summary>The observed time (base time + <c>t</c>), UTC.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The per-device sequence number (<c>seq</c>).</summary>
    public required ulong Seq { get; init; }

    /// <summary>The clock quality (<c>cq</c>): gnss, ntp, gateway or rtc-unsynced.</summary>
    public required string ClockQuality { get; init; }

    /// <summary>The status flags (<c>fl</c>; 0 when absent).</summary>
    public required ulong Flags { get; init; }

    /// <summary>The names of the set flags, lowest bit first (see <see cref="FrameFlags"/>).</summary>
    public IReadOnlyList<string> FlagNames => FrameFlags.Names(Flags);
}
