namespace Edge.Ingest.Normalisation;

/// <summary>One reading ready to store: canonical value and unit, plus the original representation.</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Seq">Per-device sequence number (with <paramref name="DeviceId"/> the idempotency key).</param>
/// <param name="Channel">Channel name as sent.</param>
/// <param name="ObservedUnixMs">Observed time, Unix milliseconds UTC.</param>
/// <param name="ClockQuality">Clock quality name (<c>gnss</c>, <c>ntp</c>, <c>gateway</c>, <c>rtc-unsynced</c>).</param>
/// <param name="Flags">Device status flags as sent.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Canonical SI unit symbol.</param>
/// <param name="UnitCode">UN/CEFACT Rec 20 code of <paramref name="Unit"/>.</param>
/// <param name="RawMantissa">Mantissa as sent.</param>
/// <param name="RawScale">Scale as sent (value = mantissa × 10^-scale).</param>
/// <param name="RawUnit">SenML unit as sent.</param>
/// <param name="DeviceUnixMs">The time the device stamped, when the gateway corrected the observed time; else null.</param>
/// <param name="Quarantined">The device is not registered: kept and shown, but out of consumption until it is.</param>
public readonly record struct NormalisedReading(
    string DeviceId,
    long Seq,
    string Channel,
    long ObservedUnixMs,
    string ClockQuality,
    int Flags,
    double Value,
    string Unit,
    string UnitCode,
    long RawMantissa,
    int RawScale,
    string RawUnit,
    long? DeviceUnixMs = null,
    bool Quarantined = false);
