namespace Edge.Gateway.Uplink;

/// <summary>
/// Exponential backoff with jitter: after the n-th consecutive failure the ceiling is min × 2^(n-1), capped
/// at max, and the delay is drawn uniformly from [ceiling/2, ceiling] (never below min), so gateways that
/// failed together do not retry together.
/// </summary>
internal sealed class Backoff(TimeSpan min, TimeSpan max, Random random)
{
    public TimeSpan Min { get; } = min;

    public TimeSpan Max { get; } = max;

    /// <summary>The delay after <paramref name="failures"/> consecutive failures (1 or more).</summary>
    public TimeSpan Delay(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 40);
        var ceiling = Math.Min(Max.TotalMilliseconds, Min.TotalMilliseconds * Math.Pow(2, doublings));
        var jittered = (ceiling / 2) + (random.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, Min.TotalMilliseconds, Max.TotalMilliseconds));
    }
}
