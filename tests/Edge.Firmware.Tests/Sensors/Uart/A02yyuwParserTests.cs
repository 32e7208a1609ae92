using Edge.Firmware.Sensors.Uart;

namespace Edge.Firmware.Tests.Sensors.Uart;

/// <summary>A02YYUW frames from ../shared/conformance/sensors.md: FF hi lo sum, sum = (FF + hi + lo) &amp; 0xFF.</summary>
public sealed class A02yyuwParserTests
{
    private static List<int> Distances(A02yyuwParser p, params byte[] bytes)
    {
        var list = new List<int>();
        foreach (var b in bytes)
        {
            if (p.Push(b))
            {
                list.Add(p.DistanceMm);
            }
        }

        return list;
    }

    [Fact]
    public void Push_CorpusFrames_Decode()
    {
        var p = new A02yyuwParser();
        Assert.Equal([1234, 30], Distances(p, 0xFF, 0x04, 0xD2, 0xD5, 0xFF, 0x00, 0x1E, 0x1D));
        Assert.Equal(0, p.BadFrames);
    }

    [Fact]
    public void Push_StrayHeaderAndBadSum_Resynchronises()
    {
        // A stray FF before a frame whose low byte is FF (distance 255: FF 00 FF FE), then a frame with a bad sum.
        var p = new A02yyuwParser();
        Assert.Equal([255, 1234], Distances(p, 0x12, 0xFF, 0xFF, 0x00, 0xFF, 0xFE, 0xFF, 0x04, 0xD2, 0x00, 0xFF, 0x04, 0xD2, 0xD5));
        Assert.True(p.BadFrames >= 2);
    }
}
