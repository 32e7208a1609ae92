namespace Edge.Ingest.Normalisation;

/// <summary>
/// One reading set aside by the normaliser, kept as sent together with the reason. It is stored apart from the
/// readings, so it neither counts as a reading nor occupies its (device, seq) key.
/// </summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="Channel">Channel name as sent.</param>
/// <param name="ObservedUnixMs">Observed time as sent, Unix milliseconds UTC.</param>
/// <param name="ClockQuality">
/// Clock quality name (<c>gnss</c>, <c>ntp</c>, <c>gateway</c>, <c>rtc-unsynced</c>), or the number as sent when the
/// value is undefined.
/// </param>
/// <param name="Flags">Device status flags as sent.</param>
/// <param name="RawMantissa">Mantissa as sent.</param>
/// <param name="RawScale">Scale as sent (value = mantissa × 10^-scale).</param>
/// <param name="RawUnit">SenML unit as sent.</param>
/// <param name="Reason">Why the reading was set aside, fit to show to the caller.</param>
/// <param name="InFuture">Set aside only for being observed too far ahead of the server clock: time will cure it.</param>
public sealed record RejectedReading(
    string DeviceId,
    long Seq,
    string Channel,
    long ObservedUnixMs,
    string ClockQuality,
    int Flags,
    long RawMantissa,
    int RawScale,
    string RawUnit,
    string Reason,
    bool InFuture = false);
