namespace Edge.Gateway.Links;

/// <summary>The result of one <see cref="ILink.SendAsync"/>.</summary>
/// <param name="Outcome">What to do with the batch next.</param>
/// <param name="Detail">For the log: the ingest's answer, or why the link gave up.</param>
/// <param name="WireBytes">Bytes this attempt put on the link's wire, both directions, framing included (for budgets).</param>
/// <param name="RetryAfter">A wait the link or ingest asked for, if any.</param>
public sealed record LinkResult(LinkOutcome Outcome, string Detail, long WireBytes, TimeSpan? RetryAfter = null);
