using Edge.Firmware.Sensors.Uart;

namespace Edge.Firmware.Tests.Sensors.Uart;

public sealed class WaterLevelFilterTests
{
    [Fact]
    public void Add_SplashesFewerThanHalfTheWindow_AreRejectedByTheMedian()
    {
        var f = new WaterLevelFilter(mountHeightMm: 3000, window: 5, minDistanceMm: 30, maxDistanceMm: 4500);
        foreach (var d in new[] { 2000, 2002, 150, 1998, 400 })
        {
            Assert.True(f.Add(d));
        }

        Assert.True(f.Ready);
        Assert.Equal(1998, f.MedianDistanceMm); // sorted: 150 400 1998 2000 2002
        Assert.Equal(1002, f.LevelMm);
    }

    [Fact]
    public void Add_OutOfRange_IsRefusedAndCounted()
    {
        var f = new WaterLevelFilter(3000, 3, 30, 4500);
        Assert.False(f.Add(0));
        Assert.False(f.Add(29));
        Assert.False(f.Add(4501));
        Assert.True(f.Add(30));
        Assert.Equal(3, f.OutOfRange);
        Assert.Equal(1, f.Count);
        Assert.Equal(2970, f.LevelMm);
    }

    [Fact]
    public void Window_EvenOrTooLarge_IsMadeOddAndBounded()
    {
        Assert.Equal(5, new WaterLevelFilter(0, 4, 30, 4500).Window);
        Assert.Equal(WaterLevelFilter.MaxWindow, new WaterLevelFilter(0, 100, 30, 4500).Window);
        Assert.Equal(1, new WaterLevelFilter(0, -3, 30, 4500).Window);
    }

    [Fact]
    public void Add_WindowSlides_OldSamplesLeave()
    {
        var f = new WaterLevelFilter(1000, 3, 30, 4500);
        foreach (var d in new[] { 100, 100, 100, 500, 500 })
        {
            f.Add(d);
        }

        Assert.Equal(500, f.MedianDistanceMm);
        Assert.Equal(500, f.LevelMm);
        f.Clear();
        Assert.Equal(0, f.Count);
    }
}
