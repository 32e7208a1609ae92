namespace Edge.Ingest.Analytics;

/// <summary>A span of whole hours [<paramref name="From"/>, <paramref name="To"/>): the readings behind a decision.</summary>
/// <param name="From">First hour's start, inclusive (UTC).</param>
/// <param name="To">Last hour's end, exclusive (UTC).</param>
public readonly record struct HourWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Whether <paramref name="at"/> lies in the window.</summary>
    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    /// <summary>Number of hours in the window.</summary>
    public int Hours => (int)((To - From).Ticks / TimeSpan.TicksPerHour);
}
