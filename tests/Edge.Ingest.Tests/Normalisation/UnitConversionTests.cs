using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Normalisation;

public sealed class UnitConversionTests
{
    [Theory]
    [InlineData("l", 1234L, 0, 1.234)]          // 1234 l = 1.234 m³ (1 l = 10⁻³ m³, SI brochure 9th ed. table 8)
    [InlineData("l", 15L, 1, 0.0015)]           // 1.5 l
    [InlineData("l", -250L, 0, -0.25)]
    [InlineData("l", 1L, 18, 1e-21)]            // 10⁻¹⁸ l; naive 1e-18 * 0.001 gives 1.0000000000000001E-21
    [InlineData("m3", 12345L, 3, 12.345)]
    [InlineData("m3", 9_007_199_254_740_993L, 0, 9_007_199_254_740_992.0)] // 2⁵³ + 1 rounds to even, 2⁵³
    public void ToCanonical_DefaultCatalog_ExactDecimalRoundedOnce(string unit, long mantissa, int scale, double expected)
    {
        Assert.True(UnitCatalog.Default.TryGet(unit, out var conversion));

        Assert.Equal(expected, conversion.ToCanonical(mantissa, scale));
        Assert.Equal(("m3", "MTQ"), (conversion.CanonicalUnit, conversion.UneceCode));
    }

    [Theory]
    [InlineData("L")]   // SenML symbols are case-sensitive
    [InlineData("kWh")]
    [InlineData("")]
    public void TryGet_UnsupportedUnit_False(string unit)
    {
        Assert.False(UnitCatalog.Default.TryGet(unit, out _));
    }
}
