namespace Edge.Ingest.Storage;

/// <summary>One reading set aside by the checks, as the store returns it.</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="Channel">Channel name as sent.</param>
/// <param name="ObservedUnixMs">Observed time as sent, Unix milliseconds UTC.</param>
/// <param name="ReceivedUnixMs">Time the ingest received the batch, Unix milliseconds UTC.</param>
/// <param name="ClockQuality">Clock quality name, or the number as sent when it is undefined.</param>
/// <param name="Flags">Device status flags as sent.</param>
/// <param name="RawMantissa">Mantissa as sent.</param>
/// <param name="RawScale">Scale as sent.</param>
/// <param name="RawUnit">SenML unit as sent.</param>
/// <param name="Reason">Why the reading was set aside.</param>
/// <param name="BatchId">Batch that delivered the reading first.</param>
public sealed record StoredRejection(
    string DeviceId,
    long Seq,
    string Channel,
    long ObservedUnixMs,
    long ReceivedUnixMs,
    string ClockQuality,
    int Flags,
    long RawMantissa,
    int RawScale,
    string RawUnit,
    string Reason,
    string BatchId);
