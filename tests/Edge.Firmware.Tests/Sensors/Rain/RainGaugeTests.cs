using Edge.Firmware.Sensors.Rain;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Sensors.Rain;

/// <summary>The gauge's counting (debounced reed closings) and JMA's 10-minute blocks and hourly sums.</summary>
public sealed class RainGaugeTests
{
    // Wall clock 2026-07-01T03:00:00Z plus a 5-minute offset: the first block is the partial :00-:10 one.
    private const long Start = 1782874800000 + (5 * 60_000);

    private static (RainGauge Gauge, FakePulseInput Input) Create(int tipUm = 500, int debounceMs = 20)
    {
        var input = new FakePulseInput();
        var gauge = new RainGauge(tipUm, debounceMs);
        input.SetHandler(gauge);
        gauge.Initialise(input, 0);
        return (gauge, input);
    }

    // One tip at uptime t: closes with two bounces, opens after 100 ms with one bounce.
    private static void Tip(FakePulseInput input, long t)
    {
        input.Set(0, true, t);
        input.Set(0, false, t + 1);
        input.Set(0, true, t + 2);
        input.Set(0, false, t + 100);
        input.Set(0, true, t + 101);
        input.Set(0, false, t + 102);
    }

    [Fact]
    public void Tips_WithBounce_CountOnce()
    {
        var (g, input) = Create();
        for (var k = 0; k < 7; k++)
        {
            Tip(input, 1000 + (k * 10_000));
        }

        g.Poll(100_000, Start + 100_000);
        Assert.Equal(7, g.Tips);
        Assert.Equal(7 * 500, g.CurrentBlockMicrometres);
    }

    [Fact]
    public void Glitch_ShorterThanDebounce_DoesNotCount()
    {
        var (g, input) = Create(debounceMs: 20);
        input.Set(0, true, 1000);
        input.Set(0, false, 1010);
        g.Poll(2000, Start + 2000);
        Assert.Equal(0, g.Tips);
    }

    [Fact]
    public void Blocks_FollowTheWallClockAndTheHourSumsSix()
    {
        var (g, input) = Create();
        // Uptime 0 is Start (hh:05). Tips: 2 before hh:10, then per block k (k = 0 … 6) k + 1 tips.
        Tip(input, 60_000);
        Tip(input, 120_000);
        long blockStartUptime = 5 * 60_000; // hh:10
        for (var k = 0; k < 7; k++)
        {
            for (var j = 0; j <= k; j++)
            {
                Tip(input, blockStartUptime + (k * 600_000) + 1000 + (j * 20_000));
            }

            // Poll once per block, late in it (tips are placed by their own time, not the poll's).
            g.Poll(blockStartUptime + (k * 600_000) + 590_000, Start + blockStartUptime + (k * 600_000) + 590_000);
        }

        // Closed: the partial block (2 tips) and blocks 0 … 5 (1 … 6 tips); block 6 (7 tips) is open.
        Assert.Equal(7, g.BlocksClosed);
        Assert.Equal(6 * 500, g.Last10MinMicrometres);
        Assert.Equal((1 + 2 + 3 + 4 + 5 + 6) * 500, g.LastHourMicrometres);
        Assert.True(g.HourComplete);
        Assert.Equal(7 * 500, g.CurrentBlockMicrometres);
        Assert.Equal(0, (g.LastBlockEndUnixMs - 1782874800000) % 600_000);

        // The hour slides: after block 6 closes, block 0 (1 tip) leaves, block 6 (7 tips) enters.
        var now = blockStartUptime + (7 * 600_000) + 1;
        g.Poll(now, Start + now);
        Assert.Equal(7 * 500, g.Last10MinMicrometres);
        Assert.Equal((2 + 3 + 4 + 5 + 6 + 7) * 500, g.LastHourMicrometres);
    }

    [Fact]
    public void HourComplete_IsFalseUntilSixWholeBlocks()
    {
        var (g, _) = Create();
        g.Poll(0, Start);
        g.Poll(5 * 600_000, Start + (5 * 600_000));
        Assert.False(g.HourComplete); // partial block + 4 whole ones closed
        g.Poll(7 * 600_000, Start + (7 * 600_000));
        Assert.True(g.HourComplete);
        Assert.Equal(0, g.LastHourMicrometres);
    }
}
