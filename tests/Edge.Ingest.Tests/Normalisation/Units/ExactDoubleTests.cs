using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Tests.Normalisation.Units;

public sealed class ExactDoubleTests
{
    [Theory]
    [InlineData(1234L, -3, 1.234)]                                   // 1234 l = 1.234 m³
    [InlineData(15L, -4, 0.0015)]
    [InlineData(-250L, -3, -0.25)]
    [InlineData(1L, -21, 1e-21)]                                     // naive 1e-18 * 0.001 gives 1.0000000000000001E-21
    [InlineData(9_007_199_254_740_993L, 0, 9_007_199_254_740_992.0)] // 2⁵³ + 1 rounds to even, 2⁵³ (parser path)
    [InlineData(3L, 25, 3e25)]                                       // 10²⁵ is not an exact double (parser path)
    [InlineData(123_456_789L, -9, 0.123456789)]
    public void FromDecimal_MantissaAndExponent_NearestDouble(long mantissa, int exponent, double expected)
    {
        Assert.Equal(expected, ExactDouble.FromDecimal(mantissa, exponent));
    }

    [Fact]
    public void FromDecimal_FastPathAgreesWithTheParser()
    {
        var random = new Random(4);
        for (var i = 0; i < 10_000; i++)
        {
            var mantissa = random.NextInt64(-(1L << 53) + 1, 1L << 53);
            var exponent = random.Next(-22, 23);
            var parsed = double.Parse($"{mantissa}E{exponent}", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(parsed, ExactDouble.FromDecimal(mantissa, exponent));
        }
    }
}
