using Edge.Gateway.Uplink;

namespace Edge.Gateway.Tests.Uplink;

public class BackoffTests
{
    private static readonly TimeSpan _min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 1000, 1000)]     // ceiling 1 s, floored at min
    [InlineData(2, 1000, 2000)]     // ceiling 2 s: [1 s, 2 s]
    [InlineData(4, 4000, 8000)]     // ceiling 8 s: [4 s, 8 s]
    [InlineData(7, 30000, 60000)]   // 64 s capped at 60 s: [30 s, 60 s]
    [InlineData(1000, 30000, 60000)]
    public void Delay_AfterFailures_StaysWithinHalfToFullCeiling(int failures, double lowMs, double highMs)
    {
        var backoff = new Backoff(_min, _max, new Random(1));
        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(backoff.Delay(failures).TotalMilliseconds, lowMs, highMs);
        }
    }

    [Fact]
    public void Delay_ManyDraws_AreSpreadNotIdentical()
    {
        var backoff = new Backoff(_min, _max, new Random(7));

        var delays = Enumerable.Range(0, 50).Select(_ => backoff.Delay(5)).Distinct().Count();

        Assert.True(delays > 40, $"only {delays} distinct delays: no jitter");
    }
}
