namespace Edge.Ingest.Analytics.Welfare;

/// <summary>The hours behind a welfare event, [from, to).</summary>
/// <param name="From">Start of the first hour.</param>
/// <param name="To">End of the last hour.</param>
public sealed record WelfareEvidence(DateTimeOffset From, DateTimeOffset To);
