using Edge.Firmware.Sensors.Seismic;

namespace Edge.Firmware.Tests.Sensors.Seismic;

public sealed class SeismicTriggerTests
{
    // Deterministic "noise": ±20 LSB alternating per axis, on an offset like gravity on z.
    private static (int X, int Y, int Z) Quiet(int i) => ((i % 2 == 0) ? 20 : -20, (i % 3 == 0) ? 20 : -20, 256000 + ((i % 2 == 0) ? -20 : 20));

    [Fact]
    public void Add_BurstAfterWarmUp_TriggersStaLtaAndCapturesPreAndPost()
    {
        var t = new SeismicTrigger(preSamples: 100, postSamples: 300, staSamples: 20, ltaSamples: 500, onRatio: 4, offRatio: 1.5, thresholdLsb: 0);
        var burstStart = 2000;
        var completedAt = -1;
        for (var i = 0; i < 3000 && completedAt < 0; i++)
        {
            var (x, y, z) = Quiet(i);
            if (i >= burstStart)
            {
                x += 5000 * (i % 2 == 0 ? 1 : -1); // 250 times the noise energy
            }

            if (t.Add(x, y, z))
            {
                completedAt = i;
            }
        }

        Assert.Equal(SeismicTrigger.ReasonStaLta, t.TriggerReason);
        Assert.InRange(t.TriggerSample, burstStart, burstStart + 5);
        Assert.True(t.WindowReady);
        Assert.Equal(400, t.WindowLength);
        Assert.Equal(100, t.TriggerIndex);
        Assert.Equal(t.TriggerSample + 299, completedAt);

        // The window is the stream itself, oldest first: sample TriggerSample - 100 … TriggerSample + 299.
        var wx = new int[400];
        var wy = new int[400];
        var wz = new int[400];
        Assert.True(t.CopyWindow(wx, wy, wz));
        for (var k = 0; k < 400; k++)
        {
            var i = (int)t.TriggerSample - 100 + k;
            var (x, y, z) = Quiet(i);
            if (i >= burstStart)
            {
                x += 5000 * (i % 2 == 0 ? 1 : -1);
            }

            Assert.Equal((x, y, z), (wx[k], wy[k], wz[k]));
        }

        Assert.True(t.PeakRatio >= 4);
    }

    [Fact]
    public void Add_BurstDuringWarmUp_DoesNotTriggerStaLta()
    {
        var t = new SeismicTrigger(10, 50, 10, 1000, 3, 1.5, 0);
        for (var i = 0; i < 900; i++)
        {
            var (x, y, z) = Quiet(i);
            t.Add(i > 500 ? x * 100 : x, y, z);
        }

        Assert.False(t.Recording);
        Assert.False(t.WindowReady);
    }

    [Fact]
    public void Add_ThresholdCrossed_TriggersAtOnceWithWhatPreTriggerThereIs()
    {
        var t = new SeismicTrigger(100, 20, 10, 3000, 0, 1.5, thresholdLsb: 1000);
        for (var i = 0; i < 50; i++)
        {
            var (x, y, z) = Quiet(i);
            t.Add(x, y, z);
        }

        t.Add(0, 0, 256000 + 1500);
        Assert.True(t.Recording);
        Assert.Equal(SeismicTrigger.ReasonThreshold, t.TriggerReason);
        Assert.Equal(50, t.TriggerIndex); // only 50 samples came before
        Assert.Equal(70, t.WindowLength);
    }

    [Fact]
    public void Rearm_AfterWindow_RefillsAndTriggersAgain()
    {
        var t = new SeismicTrigger(5, 5, 2, 10, 0, 1.5, thresholdLsb: 1000);
        var i = 0;
        void Feed(int n, int extra)
        {
            for (var k = 0; k < n; k++, i++)
            {
                var (x, y, z) = Quiet(i);
                t.Add(x + extra, y, z);
            }
        }

        Feed(20, 0);
        Feed(1, 5000);
        Feed(4, 0);
        Assert.True(t.WindowReady);
        Feed(10, 5000); // ignored while the window waits: nothing is overwritten
        Assert.True(t.WindowReady);
        t.Rearm();
        Assert.False(t.WindowReady);
        Assert.False(t.CopyWindow(new int[10], new int[10], new int[10]));
        Feed(20, 0);
        Feed(1, 5000);
        Assert.True(t.Recording);
    }
}
