namespace Edge.Uplink;

/// <summary>
/// One reading of one channel. The value is <see cref="Mantissa"/> × 10^-scale, where the scale is the
/// channel run's <see cref="ChannelRun.Scale"/>.
/// </summary>
/// <param name="Seq">Per-device sequence number, born on the device (idempotency key with the device id).</param>
/// <param name="ObservedUnixMs">Observed time, Unix milliseconds UTC.</param>
/// <param name="Mantissa">Value mantissa.</param>
/// <param name="ClockQuality">How the observed time was obtained.</param>
/// <param name="Flags">Device status flags (firmware/FRAME.md).</param>
/// <param name="DeviceUnixMs">
/// The time the device stamped, Unix milliseconds UTC, when the gateway corrected <paramref name="ObservedUnixMs"/>
/// (a reading stamped before the device's first clock sync, corrected once the offset was known; its clock
/// quality is then <see cref="ClockQuality.Gateway"/>); null when the observed time is the device's own.
/// </param>
public readonly record struct ReadingPoint(long Seq, long ObservedUnixMs, long Mantissa, ClockQuality ClockQuality, int Flags, long? DeviceUnixMs = null);
