namespace Edge.Ingest.Apis;

/// <summary>A snooze or a finished away span, [from, to).</summary>
/// <param name="From">Start.</param>
/// <param name="To">End.</param>
public sealed record WelfarePeriodResource(DateTimeOffset From, DateTimeOffset To);
