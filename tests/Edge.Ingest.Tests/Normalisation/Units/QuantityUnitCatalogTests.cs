using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Tests.Normalisation.Units;

public sealed class QuantityUnitCatalogTests
{
    // Expected values are hand calculations from the unit definitions (SI Brochure 9th ed. tables 8 and 9).
    [Theory]
    [InlineData(Quantity.Volume, "l", 1234L, 0, "1.234")]             // 1234 × 10⁻³ m³
    [InlineData(Quantity.Volume, "dm3", 5L, 1, "0.0005")]             // 0.5 dm³ = 0.5 l
    [InlineData(Quantity.Volume, "m3", 99_998_125L, 3, "99998.125")]
    [InlineData(Quantity.VolumeFlow, "l/s", 1L, 0, "3.6")]             // 1 l/s × 3600 s/h = 3600 l/h
    [InlineData(Quantity.VolumeFlow, "l/min", 90L, 0, "5.4")]          // 90 × 60 / 1000
    [InlineData(Quantity.VolumeFlow, "l/h", 500L, 0, "0.5")]
    [InlineData(Quantity.VolumeFlow, "m3/s", 25L, 2, "900")]           // 0.25 × 3600
    [InlineData(Quantity.VolumeFlow, "m3/h", 3125L, 3, "3.125")]
    [InlineData(Quantity.Temperature, "K", 29315L, 2, "20")]           // 293.15 − 273.15
    [InlineData(Quantity.Temperature, "K", 0L, 0, "-273.15")]          // absolute zero
    [InlineData(Quantity.Temperature, "degF", 212L, 0, "100")]         // (212 − 32) × 5/9
    [InlineData(Quantity.Temperature, "degF", -40L, 0, "-40")]         // the scales cross at −40
    [InlineData(Quantity.Temperature, "degF", 986L, 1, "37")]          // 98.6 °F
    [InlineData(Quantity.Temperature, "Cel", -125L, 1, "-12.5")]
    [InlineData(Quantity.RelativeHumidity, "%RH", 555L, 1, "55.5")]
    [InlineData(Quantity.Pressure, "Pa", 101325L, 0, "1013.25")]       // standard atmosphere
    [InlineData(Quantity.Pressure, "kPa", 1013L, 1, "1013")]
    [InlineData(Quantity.Pressure, "bar", 12L, 1, "1200")]             // 1 bar = 10⁵ Pa = 1000 hPa
    [InlineData(Quantity.Pressure, "hPa", 9875L, 1, "987.5")]
    [InlineData(Quantity.Precipitation, "mm", 15L, 0, "15")]
    [InlineData(Quantity.Precipitation, "cm", 25L, 1, "25")]
    [InlineData(Quantity.Precipitation, "m", 2L, 3, "2")]
    [InlineData(Quantity.PrecipitationRate, "m/s", 1L, 6, "3.6")]       // 10⁻⁶ m/s × 3600 s/h × 1000 mm/m
    [InlineData(Quantity.PrecipitationRate, "m/h", 5L, 2, "50")]
    [InlineData(Quantity.WaterLevel, "mm", 1530L, 0, "1.53")]          // same symbol, other quantity: metres
    [InlineData(Quantity.WaterLevel, "cm", 245L, 0, "2.45")]
    [InlineData(Quantity.MassConcentration, "mg/m3", 5L, 2, "50")]
    [InlineData(Quantity.MassConcentration, "ug/m3", 123L, 1, "12.3")]
    [InlineData(Quantity.MoleFraction, "ppm", 415L, 0, "415")]
    [InlineData(Quantity.Acceleration, "m/s2", 98L, 2, "98")]          // 0.98 m/s² = 98 Gal
    [InlineData(Quantity.Acceleration, "gal", 8L, 0, "8")]
    [InlineData(Quantity.Energy, "J", 7_200_000L, 0, "2")]            // 1 kWh = 1000 W × 3600 s = 3.6 MJ
    [InlineData(Quantity.Energy, "J", 36L, 0, "0.00001")]             // 36 / 3,600,000
    [InlineData(Quantity.Energy, "Wh", 1500L, 0, "1.5")]
    [InlineData(Quantity.Energy, "kWh", 12345L, 1, "1234.5")]
    [InlineData(Quantity.Power, "W", 9005L, 1, "900.5")]
    [InlineData(Quantity.Power, "kW", 25L, 1, "2500")]
    public void ToCanonicalDecimal_DefaultCatalog_HandCalculatedValue(
        Quantity quantity, string unit, long mantissa, int scale, string expected)
    {
        Assert.True(QuantityUnitCatalog.Default.TryGet(quantity, unit, out var conversion));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            conversion.ToCanonicalDecimal(mantissa, scale));
    }

    [Fact]
    public void ToCanonical_LitresPerSecond_RoundedOnceToNearestDouble()
    {
        Assert.True(QuantityUnitCatalog.Default.TryGet(Quantity.VolumeFlow, "l/s", out var conversion));

        // 0.1 l/s = 0.36 m³/h; the double nearest 0.36 is the literal 0.36, not 0.1 * 3.6 (0.36000000000000004).
        Assert.Equal(0.36, conversion.ToCanonical(1, 1));
    }

    [Theory]
    [InlineData(Quantity.Volume, "m3", "MTQ")]
    [InlineData(Quantity.VolumeFlow, "m3/h", "MQH")]
    [InlineData(Quantity.Temperature, "Cel", "CEL")]
    [InlineData(Quantity.RelativeHumidity, "%RH", "P1")]
    [InlineData(Quantity.Pressure, "hPa", "A97")]
    [InlineData(Quantity.Precipitation, "mm", "MMT")]
    [InlineData(Quantity.PrecipitationRate, "mm/h", "H67")]
    [InlineData(Quantity.WaterLevel, "m", "MTR")]
    [InlineData(Quantity.MassConcentration, "ug/m3", "GQ")]
    [InlineData(Quantity.MoleFraction, "ppm", "59")]
    [InlineData(Quantity.Acceleration, "gal", "A76")]
    [InlineData(Quantity.Energy, "kWh", "KWH")]
    [InlineData(Quantity.Power, "W", "WTT")]
    public void For_EachQuantity_UnCefactRec20Code(Quantity quantity, string symbol, string code)
    {
        var unit = CanonicalUnits.For(quantity);

        Assert.Equal((symbol, code), (unit.Symbol, unit.UneceCode));
    }

    [Theory]
    [InlineData(Quantity.Volume, "L")]          // SenML symbols are case-sensitive (RFC 8428 §4.5.3)
    [InlineData(Quantity.Temperature, "°C")]
    [InlineData(Quantity.Volume, "mm")]         // a length is not a volume
    [InlineData(Quantity.Precipitation, "")]
    public void TryGet_UnitNotAcceptedForQuantity_False(Quantity quantity, string unit)
    {
        Assert.False(QuantityUnitCatalog.Default.TryGet(quantity, unit, out _));
    }

    [Fact]
    public void UnitsFor_Temperature_SortedOrdinal()
    {
        Assert.Equal(["Cel", "K", "degF"], QuantityUnitCatalog.Default.UnitsFor(Quantity.Temperature));
    }

    [Fact]
    public void Constructor_SameUnitTwiceForQuantity_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new QuantityUnitCatalog(
        [
            new(Quantity.Volume, "l", UnitSource.Rfc8428, 0.001m),
            new(Quantity.Volume, "l", UnitSource.Rfc8428, 1m),
        ]));

        Assert.Contains("'l' is listed twice for Volume", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_EveryQuantity_HasItsCanonicalUnitAsInput()
    {
        foreach (var quantity in Enum.GetValues<Quantity>())
        {
            Assert.True(QuantityUnitCatalog.Default.TryGet(quantity, CanonicalUnits.For(quantity).Symbol, out var identity),
                $"{quantity} does not accept its canonical symbol");
            Assert.Equal(1m, identity.Factor);
        }
    }
}
