using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;

namespace Edge.Ingest.Tests.Normalisation.Units;

public sealed class ChannelValueNormaliserTests
{
    private static readonly ChannelValueNormaliser Normaliser = ChannelValueNormaliser.Default;

    private static DeviceRegistration With(params ChannelSpec[] channels) => Registrations.Meter() with { Channels = channels };

    [Fact]
    public void TryNormalise_PulseChannelTenLitresPerPulse_MultiplierThenConversion()
    {
        var meter = With(new ChannelSpec("pulses", Quantity.Volume, "l", 10m));

        // 7 pulses × 10 l = 70 l = 0.07 m³.
        Assert.True(Normaliser.TryNormalise(meter, "pulses", "l", 7, 0, out var value, out _));
        Assert.Equal(new CanonicalValue(Quantity.Volume, 0.07m, CanonicalUnits.CubicMetre), value);
    }

    [Fact]
    public void TryNormalise_KelvinSensor_OffsetApplied()
    {
        var sensor = With(new ChannelSpec("t", Quantity.Temperature, "K"));

        Assert.True(Normaliser.TryNormalise(sensor, "t", "K", 29315, 2, out var value, out _));
        Assert.Equal((20m, "CEL"), (value.Value, value.Unit.UneceCode));
    }

    [Fact]
    public void TryNormalise_OtherUnitOfSameQuantityUnscaled_Converted()
    {
        var meter = With(new ChannelSpec("volume", Quantity.Volume, "l"));

        Assert.True(Normaliser.TryNormalise(meter, "volume", "m3", 1234, 3, out var value, out _));
        Assert.Equal(1.234m, value.Value);
    }

    [Theory]
    [InlineData("flow", "l", "has no channel 'flow' registered")]
    [InlineData("volume", "mm", "measures volume; the unit 'mm' is not one of dm3, l, m3")]
    public void TryNormalise_UnregisteredChannelOrWrongQuantityUnit_Problem(string channel, string unit, string expected)
    {
        var meter = With(new ChannelSpec("volume", Quantity.Volume, "l"));

        Assert.False(Normaliser.TryNormalise(meter, channel, unit, 1, 0, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalise_ScaledChannelInOtherUnit_Problem()
    {
        var meter = With(new ChannelSpec("pulses", Quantity.Volume, "l", 10m));

        Assert.False(Normaliser.TryNormalise(meter, "pulses", "m3", 1, 0, out _, out var problem));
        Assert.Contains("scaled for 'l' and must be sent in it", problem, StringComparison.Ordinal);
    }
}
