namespace Edge.Ingest.Registry;

/// <summary>A span when an enrolled household told the welfare office it is away (no alert expected).</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, exclusive.</param>
public sealed record AwayPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Whether <paramref name="at"/> is inside the period.</summary>
    public bool Contains(DateTimeOffset at) => at >= From && at < To;
}
