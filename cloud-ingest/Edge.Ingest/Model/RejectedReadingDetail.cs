namespace Edge.Ingest.Model;

/// <summary>One reading set aside by the checks, as sent, with the reason (<c>GET /v1/rejected</c>).</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="Channel">Channel name as sent.</param>
/// <param name="ObservedAt">Observed time as sent (UTC); for a reading set aside for its time, that wrong time.</param>
/// <param name="ReceivedAt">When the ingest received the batch carrying it (UTC).</param>
/// <param name="ClockQuality">gnss, ntp, gateway or rtc-unsynced, or the number as sent when it is undefined.</param>
/// <param name="Mantissa">Value mantissa as sent.</param>
/// <param name="Scale">Scale as sent: value = mantissa × 10^-scale.</param>
/// <param name="Unit">SenML unit as sent.</param>
/// <param name="Flags">Device status flags as sent.</param>
/// <param name="Reason">Why the reading was set aside.</param>
/// <param name="BatchId">Batch that delivered it first.</param>
public sealed record RejectedReadingDetail(
    string DeviceId,
    long Seq,
    string Channel,
    DateTimeOffset ObservedAt,
    DateTimeOffset ReceivedAt,
    string ClockQuality,
    long Mantissa,
    int Scale,
    string Unit,
    int Flags,
    string Reason,
    string BatchId);
