using Edge.Field.Provisioning;
using Edge.Firmware.App;

namespace Edge.Field.Tests.Provisioning;

public sealed class PulseMeterConfigValidatorTests
{
    [Theory]
    [InlineData("10", 10_000)]
    [InlineData("1", 1_000)]
    [InlineData("0.25", 250)]
    [InlineData("0.001", 1)]
    [InlineData("1000", 1_000_000)]
    public void TryToMillilitres_WholeMillilitres_Converted(string litres, int expected)
    {
        var error = PulseMeterConfigValidator.TryToMillilitres(decimal.Parse(litres, System.Globalization.CultureInfo.InvariantCulture), out var ml);

        Assert.Null(error);
        Assert.Equal(expected, ml);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.0005")]
    [InlineData("1000.001")]
    [InlineData("2.5005")]
    public void TryToMillilitres_OutsideOrBetweenMillilitres_Refused(string litres)
    {
        var error = PulseMeterConfigValidator.TryToMillilitres(decimal.Parse(litres, System.Globalization.CultureInfo.InvariantCulture), out _);

        Assert.Equal($"litres per pulse must be one of 0.001..1000 in steps of 0.001 (got {litres})", error);
    }

    [Fact]
    public void Validate_FirmwareDefaults_AreValid()
    {
        Assert.Empty(PulseMeterConfigValidator.Validate(new PulseMeterConfig()));
    }

    [Theory]
    [InlineData("pm-000123", true)]
    [InlineData("PM_1.a", true)]
    [InlineData("", false)]
    [InlineData("-pm", false)]
    [InlineData("pm/1", false)]
    [InlineData("pm:1", false)]
    [InlineData("pm 1", false)]
    [InlineData("pm+", false)]
    public void Validate_DeviceId_OnlyTopicAndUrnSafeCharacters(string id, bool valid)
    {
        var errors = PulseMeterConfigValidator.Validate(new PulseMeterConfig { DeviceId = id });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Theory]
    [InlineData(900, true)]
    [InlineData(3600, true)]
    [InlineData(86400, true)]
    [InlineData(30, false)]
    [InlineData(5000, false)]
    [InlineData(172800, false)]
    public void Validate_ReadingInterval_DividesADay(int seconds, bool valid)
    {
        var errors = PulseMeterConfigValidator.Validate(new PulseMeterConfig { ReadingIntervalSeconds = seconds });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Theory]
    [InlineData(1020, true)]
    [InlineData(1021, false)]
    [InlineData(0, false)]
    public void Validate_RingCapacity_FitsThirtyTwoKibibytes(int capacity, bool valid)
    {
        // 128 header bytes + 32 bytes per slot must fit 32768 bytes: (32768 - 128) / 32 = 1020 slots.
        var errors = PulseMeterConfigValidator.Validate(new PulseMeterConfig { RingCapacity = capacity, MaxReadingsPerFrame = 1 });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Validate_MinRetryAboveMax_Refused()
    {
        var errors = PulseMeterConfigValidator.Validate(new PulseMeterConfig { MinRetryMs = 60_000, MaxRetryMs = 10_000 });

        Assert.Equal(["first retry delay must be at least 1000 ms and at most the longest retry delay (got 60000)"], errors);
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var errors = PulseMeterConfigValidator.Validate(new PulseMeterConfig { MillilitresPerPulse = 0, DebounceMs = -1, PersistEveryPulses = 0 });

        Assert.Equal(3, errors.Count);
        Assert.Equal("litres per pulse must be one of 0.001..1000 (got 0)", errors[0]);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEverySetting()
    {
        var config = new PulseMeterConfig { DeviceId = "pm-7", MillilitresPerPulse = 250, Quadrature = false, RingCapacity = 100 };

        var back = PulseMeterConfigJson.Deserialize(PulseMeterConfigJson.Serialize(config));

        Assert.Equal(PulseMeterConfigJson.Serialize(config), PulseMeterConfigJson.Serialize(back));
        Assert.Equal((250, false, 100), (back.MillilitresPerPulse, back.Quadrature, back.RingCapacity));
    }
}
