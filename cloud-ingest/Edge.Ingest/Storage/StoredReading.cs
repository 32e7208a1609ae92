namespace Edge.Ingest.Storage;

/// <summary>One stored reading of a meter, as the store returns it.</summary>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="Channel">Channel name.</param>
/// <param name="ObservedUnixMs">Observed time, Unix milliseconds UTC.</param>
/// <param name="ReceivedUnixMs">Time the ingest received the batch, Unix milliseconds UTC.</param>
/// <param name="ClockQuality">Clock quality name.</param>
/// <param name="Flags">Device status flags.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Unit">Canonical unit symbol.</param>
/// <param name="UnitCode">UN/CEFACT Rec 20 code of the unit.</param>
/// <param name="RawMantissa">Mantissa as sent.</param>
/// <param name="RawScale">Scale as sent.</param>
/// <param name="RawUnit">SenML unit as sent.</param>
/// <param name="BatchId">Batch that delivered the reading first.</param>
/// <param name="DeviceUnixMs">The time the device stamped, when the gateway corrected the observed time; else null.</param>
/// <param name="Quarantined">The device was not registered when it was stored (see <see cref="IRegistryStore"/>).</param>
public sealed record StoredReading(
    long Seq,
    string Channel,
    long ObservedUnixMs,
    long ReceivedUnixMs,
    string ClockQuality,
    int Flags,
    double Value,
    string Unit,
    string UnitCode,
    long RawMantissa,
    int RawScale,
    string RawUnit,
    string BatchId,
    long? DeviceUnixMs = null,
    bool Quarantined = false);
