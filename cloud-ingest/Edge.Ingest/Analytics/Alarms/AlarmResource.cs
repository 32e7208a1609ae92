using System.Text.Json.Serialization;

namespace Edge.Ingest.Analytics.Alarms;

/// <summary>The ALARM of API.md: what <c>GET /v1/alarms</c> lists and the stream publishes.</summary>
/// <param name="Id">Stable opaque id.</param>
/// <param name="MeterId">The meter; null for an area alarm (suspected pressure loss).</param>
/// <param name="AreaId">The area.</param>
/// <param name="Kind">Kind name (<see cref="AlarmKindNames"/>).</param>
/// <param name="State">open or cleared.</param>
/// <param name="Acknowledged">Whether an operator acknowledged it.</param>
/// <param name="Latching">Whether only an operator clears it.</param>
/// <param name="Start">Start of the condition's first hour.</param>
/// <param name="ConfirmedUntil">End of the latest hour that showed it.</param>
/// <param name="ClearedAt">Where data cleared it, or when an operator did; null while open.</param>
/// <param name="ValueM3">The figure (leak rate per hour, burst volume, ...), when there is one.</param>
/// <param name="Detail">One sentence.</param>
/// <param name="UpdatedAt">When its latest change was recorded.</param>
/// <param name="History">Every change, oldest first (only for one alarm).</param>
public sealed record AlarmResource(
    string Id,
    string? MeterId,
    string AreaId,
    string Kind,
    string State,
    bool Acknowledged,
    bool Latching,
    DateTimeOffset Start,
    DateTimeOffset ConfirmedUntil,
    DateTimeOffset? ClearedAt,
    decimal? ValueM3,
    string Detail,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AlarmChangeResource>? History = null);

/// <summary>The CHANGE of API.md.</summary>
/// <param name="Kind">raised, confirmed, cleared or acknowledged.</param>
/// <param name="At">When it was recorded (for an operator, when they acted).</param>
/// <param name="Evidence">The reading window behind it.</param>
/// <param name="Detail">The sentence shown with it.</param>
/// <param name="ValueM3">The figure after it.</param>
/// <param name="Operator">Who acted; null for changes from data.</param>
public sealed record AlarmChangeResource(
    string Kind, DateTimeOffset At, AlarmEvidence Evidence, string Detail, decimal? ValueM3, string? Operator);

/// <summary>A reading window [From, To).</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, exclusive.</param>
public sealed record AlarmEvidence(DateTimeOffset From, DateTimeOffset To);

/// <summary>The answer of <c>GET /v1/alarms</c>.</summary>
/// <param name="Alarms">Newest change first.</param>
/// <param name="Next">Cursor of the next page (the <c>after</c> parameter), or null on the last page.</param>
public sealed record AlarmList(IReadOnlyList<AlarmResource> Alarms, string? Next);
