using Edge.Firmware.Sensors.Seismic;

namespace Edge.Firmware.Tests.Sensors.Seismic;

public sealed class RateConverterTests
{
    // A ramp 4·i at 125 Hz is 4·(1.25·k) = 5·k at 100 Hz: linear interpolation is exact on it.
    [Fact]
    public void Push_RampAt125Hz_GivesTheRampAt100Hz()
    {
        var c = new RateConverter(125000, 100000);
        var ox = new int[4];
        var oy = new int[4];
        var oz = new int[4];
        var outputs = new List<int>();
        for (var i = 0; i < 501; i++)
        {
            var n = c.Push(4 * i, -4 * i, 7, ox, oy, oz, 0);
            for (var k = 0; k < n; k++)
            {
                outputs.Add(ox[k]);
                Assert.Equal(-ox[k], oy[k]);
                Assert.Equal(7, oz[k]);
            }
        }

        Assert.Equal(400, outputs.Count); // 500 intervals of 8 ms = 4 s = 400 samples at 100 Hz
        for (var k = 0; k < outputs.Count; k++)
        {
            Assert.Equal(5 * k, outputs[k]);
        }
    }

    [Fact]
    public void Push_Rounding_IsToNearest()
    {
        // Between 0 and 1 at positions 0, 1.25 (→ between 1 and 2: 1.25·1 = 1.25 → 1), … values 0, 1, 3 (2.5 rounds up), 4 (3.75).
        var c = new RateConverter(125000, 100000);
        var o = new int[4];
        var values = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var n = c.Push(i, i, i, o, new int[4], new int[4], 0);
            for (var k = 0; k < n; k++)
            {
                values.Add(o[k]);
            }
        }

        Assert.Equal([0, 1, 3, 4], values);
    }

    [Fact]
    public void Reset_StartsOver()
    {
        var c = new RateConverter(125000, 100000);
        var (ox, oy, oz) = (new int[4], new int[4], new int[4]);
        c.Push(10, 0, 0, ox, oy, oz, 0);
        c.Reset();
        Assert.Equal(0, c.Push(100, 0, 0, ox, oy, oz, 0));
        Assert.Equal(1, c.Push(200, 0, 0, ox, oy, oz, 0));
        Assert.Equal(100, ox[0]);
    }
}
