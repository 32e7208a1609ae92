using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Edge.Ingest.Apis.ThirdParty;

/// <summary>One reading of the third-party format (OpenAPI model).</summary>
/// <param name="DeviceId">Registered device id.</param>
/// <param name="Time">Observed time, RFC 3339 with offset.</param>
/// <param name="Channel">Channel name as registered.</param>
/// <param name="Value">Value as a JSON number, exact up to 18 decimals.</param>
/// <param name="Unit">Unit symbol, one the channel's quantity accepts.</param>
/// <param name="Seq">Per-device sequence number, if the source has one.</param>
public sealed record ThirdPartyReadingItem(
    [property: Required, MaxLength(256), Description("Device id, registered to the gateway id of the API key.")] string DeviceId,
    [property: Required, Description("Observed time, RFC 3339 date-time with offset, e.g. 2026-06-01T09:00:00+09:00.")] DateTimeOffset Time,
    [property: Required, MaxLength(256), Description("Channel name as registered, e.g. 'volume'.")] string Channel,
    [property: Required, Description("Value as a JSON number (not a string); at most 18 digits after the point.")] decimal Value,
    [property: Required, MaxLength(ThirdPartyReadingParser.MaxUnitLength), Description("Unit symbol, e.g. 'm3', 'l', 'Cel', 'hPa'; case-sensitive.")] string Unit,
    [property: Description("Per-device sequence number ≥ 0, if the source has one; without it a reading is identified by (deviceId, channel, time).")] long? Seq);
