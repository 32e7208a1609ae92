using Edge.Firmware.Frames;

namespace Edge.Firmware.Tests.Frames;

/// <summary>Exact decimal values: the float-to-decimal rule of the former gateway decoder, and rendering.</summary>
public sealed class FrameValueTests
{
    [Theory]
    [InlineData("1234.5", 12345, 1)]
    [InlineData("-0", 0, 0)]
    [InlineData("0.001", 1, 3)]
    [InlineData("1E-05", 1, 5)]
    [InlineData("1.5E+20", 0, 0, false)] // 150000000000000000000 exceeds a 64-bit mantissa
    [InlineData("1.5E+17", 150000000000000000, 0)]
    [InlineData("1E-19", 0, 0, false)] // needs scale 19 > 18
    [InlineData("9.87654321E-10", 987654321, 18)]
    [InlineData("120", 120, 0)]
    public void TryParse_Rendering_GivesMantissaAndScale(string text, long mantissa, int scale, bool ok = true)
    {
        Assert.Equal(ok, ShortestDecimal.TryParse(text, out var m, out var s));
        if (ok)
        {
            Assert.Equal((mantissa, scale), (m, s));
        }
    }

    [Fact]
    public void TryFromDouble_SumThatIsNotExactlyPointThree_KeepsItsShortestDecimal()
    {
        // 0.1 + 0.2 is the double 0.30000000000000004 (IEEE 754), not 0.3: the conversion must not round.
        Assert.True(ShortestDecimal.TryFromDouble(0.1 + 0.2, out var m, out var s));
        Assert.Equal((30000000000000004L, 17), (m, s));
    }

    [Theory]
    [InlineData(1234, 0, "1234")]
    [InlineData(12345, 1, "1234.5")]
    [InlineData(-25, 1, "-2.5")]
    [InlineData(1, 5, "0.00001")]
    [InlineData(987654321, 18, "0.000000000987654321")]
    [InlineData(0, 0, "0")]
    [InlineData(long.MinValue, 0, "-9223372036854775808")]
    [InlineData(long.MinValue, 18, "-9.223372036854775808")]
    public void ToString_MantissaAndScale_PlainDecimal(long mantissa, int scale, string expected)
    {
        Assert.Equal(expected, new FrameValue(mantissa, scale, isInteger: scale == 0).ToString());
    }

    [Theory]
    [InlineData(12345, 1, 1234.5)]
    [InlineData(1, 1, 0.1)]
    [InlineData(30000000000000004, 17, 0.30000000000000004)]
    [InlineData(-1000, 0, -1000.0)]
    public void ToDouble_ExactDecimal_NearestDouble(long mantissa, int scale, double expected)
    {
        Assert.Equal(expected, new FrameValue(mantissa, scale, isInteger: false).ToDouble());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(19)]
    public void Constructor_ScaleOutside0To18_Throws(int scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameValue(1, scale, isInteger: false));
    }
}
