using Edge.Ingest.Analytics.Welfare;

namespace Edge.Ingest.Apis;

/// <summary>One page of <c>GET /v1/welfare/events</c>.</summary>
/// <param name="Events">Newest first.</param>
/// <param name="Next">Cursor of the next page (the 'after' parameter); null on the last page.</param>
public sealed record WelfareEventList(IReadOnlyList<WelfareEventResource> Events, string? Next);
