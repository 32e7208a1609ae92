namespace Edge.Ingest.Apis.ThirdParty;

/// <summary>One parsed third-party reading, its value kept exact as mantissa × 10^-scale like Edge.Uplink readings.</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Channel">Channel name.</param>
/// <param name="ObservedAt">Observed time.</param>
/// <param name="Mantissa">Value mantissa.</param>
/// <param name="Scale">Value scale (0 to 18).</param>
/// <param name="Unit">Unit symbol as sent.</param>
/// <param name="Seq">Sequence number, if sent.</param>
public sealed record ThirdPartyReading(
    string DeviceId, string Channel, DateTimeOffset ObservedAt, long Mantissa, int Scale, string Unit, long? Seq);
