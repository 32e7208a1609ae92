namespace Edge.Gateway.Sensors.Seismic;

/// <summary>One chunk of a device's seismic window (firmware/FRAME.md, "Seismic window"); samples in LSB.</summary>
internal sealed record SeismicWindowChunk(
    string DeviceId,
    long Seq,
    long StartUnixMs,
    int ClockQuality,
    int SampleRateHz,
    int LsbPerG,
    int Total,
    int TriggerIndex,
    int Offset,
    int[] X,
    int[] Y,
    int[] Z)
{
    /// <summary>Samples per axis in this chunk.</summary>
    public int Count => X.Length;

    /// <summary>True when this chunk ends the window.</summary>
    public bool IsLast => Offset + Count == Total;

    /// <summary>True when the window-wide values equal those of <paramref name="other"/>.</summary>
    public bool SameWindowAs(SeismicWindowChunk other) =>
        Seq == other.Seq && StartUnixMs == other.StartUnixMs && ClockQuality == other.ClockQuality && SampleRateHz == other.SampleRateHz
        && LsbPerG == other.LsbPerG && Total == other.Total && TriggerIndex == other.TriggerIndex;
}
