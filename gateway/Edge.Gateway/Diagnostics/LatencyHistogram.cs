namespace Edge.Gateway.Diagnostics;

/// <summary>
/// A Prometheus-style histogram of durations, safe to update from any thread without locks. Buckets are
/// upper bounds in seconds, chosen for fsync on SD cards and eMMC (a commit is about 1 ms on an SSD, tens of
/// milliseconds on a slow card, seconds when the card is failing).
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds (seconds) of the buckets; the implicit last bucket is +Inf.</summary>
    public static readonly IReadOnlyList<double> Bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _buckets = new long[Bounds.Count + 1];
    private long _sumTicks;

    /// <summary>Records one duration.</summary>
    public void Observe(TimeSpan duration)
    {
        var seconds = Math.Max(0, duration.TotalSeconds);
        var i = 0;
        while (i < Bounds.Count && seconds > Bounds[i])
        {
            i++;
        }

        Interlocked.Add(ref _sumTicks, Math.Max(0, duration.Ticks));
        Interlocked.Increment(ref _buckets[i]);
    }

    /// <summary>
    /// A copy: per bucket the count of observations at most its bound (cumulative, as Prometheus exposes
    /// them; the last entry is +Inf and equals <see cref="Snapshot.Count"/>) and the sum in seconds.
    /// </summary>
    public Snapshot Read()
    {
        var cumulative = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Interlocked.Read(ref _buckets[i]);
            cumulative[i] = running;
        }

        return new Snapshot(cumulative, TimeSpan.FromTicks(Interlocked.Read(ref _sumTicks)).TotalSeconds);
    }

    /// <summary>A consistent-enough copy of the histogram (each bucket read once).</summary>
    /// <param name="Cumulative">Observations at most each bound of <see cref="Bounds"/>, then +Inf.</param>
    /// <param name="SumSeconds">Sum of all observations, in seconds.</param>
    public sealed record Snapshot(IReadOnlyList<long> Cumulative, double SumSeconds)
    {
        /// <summary>Number of observations.</summary>
        public long Count => Cumulative[^1];
    }
}
