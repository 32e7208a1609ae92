namespace Edge.Ingest.Welfare;

/// <summary>The result of evaluating a household's watch.</summary>
/// <param name="Status">The state.</param>
/// <param name="WatchedWithoutUse">Time since the last use that counts towards the deadline.</param>
/// <param name="Reason">A sentence for the welfare office; null when <see cref="WelfareWatchStatus.Ok"/>.</param>
public sealed record WelfareWatchResult(WelfareWatchStatus Status, TimeSpan WatchedWithoutUse, string? Reason);
