using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class DeviceRegistrationValidatorTests
{
    private static readonly DeviceRegistrationValidator Validator = DeviceRegistrationValidator.Tokyo;

    [Fact]
    public void Validate_ValidMeterAndRainGauge_NoErrors()
    {
        Assert.Empty(Validator.Validate(Registrations.Meter() with { Welfare = Registrations.Enrolled() }));
        Assert.Empty(Validator.Validate(Registrations.RainGauge()));
    }

    public static TheoryData<DeviceRegistration, string, string> Defects => new()
    {
        { Registrations.Meter() with { DeviceId = "" }, "$.deviceId", "Must not be empty" },
        { Registrations.Meter() with { GatewayId = new string('g', 257) }, "$.gatewayId", "at most 256 UTF-8 bytes" },
        { Registrations.Meter() with { Area = AreaCode.Parse("14101") }, "$.areaCode", "'14101' is not a registered municipality" },
        { Registrations.Meter() with { Channels = [new ChannelSpec("volume", Quantity.Volume, "mm")] }, "$.channels[0].unit",
            "'mm' is not accepted for volume; accepted: dm3, l, m3" },
        { Registrations.Meter() with { Channels = [new ChannelSpec("t", Quantity.Temperature, "Cel")] }, "$.channels",
            "A water-meter device needs a channel measuring volume" },
        { Registrations.Meter() with { Channels = [] }, "$.channels", "at least one channel" },
        { Registrations.Meter() with { Channels = [new ChannelSpec("v", Quantity.Volume, "l"), new ChannelSpec("v", Quantity.Volume, "m3")] },
            "$.channels[1].name", "listed twice" },
        { Registrations.Meter() with { Channels = [new ChannelSpec("v", Quantity.Volume, "l", 0m)] }, "$.channels[0].multiplier", "greater than zero" },
        { Registrations.Meter() with { Meter = null }, "$.meter", "needs its register facts" },
        { Registrations.Meter() with { Meter = new MeterProfile(13, 2.5m) }, "$.meter.registerDigits", "1 to 12" },
        { Registrations.Meter() with { Meter = new MeterProfile(5, 0m) }, "$.meter.q3", "greater than zero" },
        { Registrations.RainGauge() with { Meter = new MeterProfile(5, 2.5m) }, "$.meter", "Only water meters" },
        { Registrations.Meter() with { Meter = new MeterProfile(5, 2.5m, UploadInterval: TimeSpan.FromSeconds(59)) },
            "$.meter.uploadInterval", "at least 1 minute and at most 7 days" },
        { Registrations.Meter() with { Meter = new MeterProfile(5, 2.5m, UploadInterval: TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1))) },
            "$.meter.uploadInterval", "at least 1 minute and at most 7 days" },
        { Registrations.Meter() with { Meter = new MeterProfile(5, 2.5m, UploadInterval: TimeSpan.FromHours(-1)) },
            "$.meter.uploadInterval", "at least 1 minute and at most 7 days" },
        { Registrations.RainGauge() with { Welfare = Registrations.Enrolled() }, "$.welfare", "only a water meter" },
        { Registrations.Meter() with { Location = new GeoPoint(91, 139) }, "$.location.lat", "between -90 and 90" },
        { Registrations.Meter() with { Location = new GeoPoint(35, -181) }, "$.location.lon", "between -180 and 180" },
        { Registrations.Meter() with { Welfare = Registrations.Enrolled() with { NoUseAlertAfter = TimeSpan.FromDays(8) } },
            "$.welfare.noUseAlertAfter", "at most 7 days" },
        { Registrations.Meter() with { Welfare = Registrations.Enrolled() with { HouseholdId = " " } }, "$.welfare.householdId", "household id" },
        { Registrations.Meter() with { Welfare = Registrations.Enrolled() with { SleepWindows = [new DailyWindow(new TimeOnly(1, 0), new TimeOnly(1, 0))] } },
            "$.welfare.sleep[0]", "same time" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Validate_OneDefect_OneErrorAtItsPath(DeviceRegistration device, string path, string message)
    {
        var error = Assert.Single(Validator.Validate(device));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(7 * 24 * 3600)]
    public void Validate_UploadIntervalAtTheLimits_NoErrors(int seconds)
    {
        var meter = Registrations.Meter() with { Meter = new MeterProfile(5, 2.5m, Occupied: true, UploadInterval: TimeSpan.FromSeconds(seconds)) };

        Assert.Empty(Validator.Validate(meter));
    }

    [Fact]
    public void Validate_PathPrefix_UsedForEveryError()
    {
        var errors = Validator.Validate(Registrations.Meter() with { DeviceId = "", Meter = null }, "$.devices[3]");

        Assert.Equal(["$.devices[3].deviceId", "$.devices[3].meter"], errors.Select(e => e.Path));
    }
}
