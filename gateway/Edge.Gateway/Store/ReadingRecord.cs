using Edge.Uplink;

namespace Edge.Gateway.Store;

/// <summary>One reading as the store keeps it (a row of the readings table).</summary>
/// <param name="Device">Device id.</param>
/// <param name="Seq">Per-device sequence number; (device, seq) is unique in the store.</param>
/// <param name="Channel">Channel name, e.g. <c>volume</c>.</param>
/// <param name="Unit">SenML unit, e.g. <c>l</c>; empty when the device sent none.</param>
/// <param name="Mantissa">Value = mantissa × 10^-scale.</param>
/// <param name="Scale">Decimal scale of this reading (0..18).</param>
/// <param name="ObservedUnixMs">Observed time, Unix milliseconds UTC.</param>
/// <param name="ClockQuality">How the observed time was obtained.</param>
/// <param name="Flags">Device status flags (firmware/FRAME.md).</param>
/// <param name="ReceivedUnixMs">When the gateway received it, Unix milliseconds UTC.</param>
/// <param name="Class">Priority class.</param>
/// <param name="DeviceUnixMs">The time the device stamped when the gateway corrected <paramref name="ObservedUnixMs"/>, else null.</param>
internal sealed record ReadingRecord(
    string Device,
    long Seq,
    string Channel,
    string Unit,
    long Mantissa,
    int Scale,
    long ObservedUnixMs,
    ClockQuality ClockQuality,
    int Flags,
    long ReceivedUnixMs,
    DataClass Class,
    long? DeviceUnixMs = null);
