using Edge.Gateway.Southbound;

namespace Edge.Gateway.Tests.Southbound;

public class DecimalValueTests
{
    [Theory]
    [InlineData("1234.5", 12345, 1)]
    [InlineData("-0", 0, 0)]
    [InlineData("0.001", 1, 3)]
    [InlineData("1E-05", 1, 5)]
    [InlineData("1.5E+20", 0, 0, false)]            // 150000000000000000000 exceeds a 64-bit mantissa
    [InlineData("1.5E+17", 150000000000000000, 0)]
    [InlineData("1E-19", 0, 0, false)]              // needs scale 19 > 18
    [InlineData("9.87654321E-10", 987654321, 18)]
    [InlineData("120", 120, 0)]
    public void TryFromShortest_Rendering_GivesMantissaAndScale(string text, long mantissa, int scale, bool ok = true)
    {
        Assert.Equal(ok, DecimalValue.TryFromShortest(text, out var m, out var s));
        if (ok)
        {
            Assert.Equal((mantissa, scale), (m, s));
        }
    }

    [Fact]
    public void TryFromDouble_SumThatIsNotExactlyPointThree_KeepsItsShortestDecimal()
    {
        // 0.1 + 0.2 is the double 0.30000000000000004 (IEEE 754), not 0.3: the conversion must not round.
        Assert.True(DecimalValue.TryFromDouble(0.1 + 0.2, out var m, out var s));
        Assert.Equal((30000000000000004L, 17), (m, s));
    }
}
