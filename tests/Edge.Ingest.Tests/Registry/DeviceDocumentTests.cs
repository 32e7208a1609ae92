using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class DeviceDocumentTests
{
    [Fact]
    public void Read_WrittenMeterWithWelfare_SameDocumentAgain()
    {
        var meter = Registrations.Meter() with
        {
            Welfare = Registrations.Enrolled() with
            {
                AwayPeriods = [new AwayPeriod(new DateTimeOffset(2026, 8, 12, 0, 0, 0, TimeSpan.FromHours(9)),
                    new DateTimeOffset(2026, 8, 16, 0, 0, 0, TimeSpan.FromHours(9)))],
            },
        };
        var json = DeviceDocument.Write(meter);

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Empty(errors);
        Assert.Equal(json, DeviceDocument.Write(device!));
        Assert.Equal((TimeSpan.FromHours(12), "S-1", 5), (device!.Welfare!.NoUseAlertAfter, device.Meter!.Serial, device.Meter.RegisterDigits));
    }

    [Fact]
    public void Write_OccupiedMeterWithHourlyUploads_IsoDurationAndReadBack()
    {
        var meter = Registrations.Meter() with { Meter = new MeterProfile(5, 2.5m, "S-1", Occupied: true, UploadInterval: TimeSpan.FromHours(1)) };

        var json = DeviceDocument.Write(meter);
        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Contains("\"meter\":{\"registerDigits\":5,\"q3\":2.5,\"serial\":\"S-1\",\"occupied\":true,\"uploadInterval\":\"PT1H\"}", json, StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.Equal((true, TimeSpan.FromHours(1)), (device!.Meter!.Occupied, device.Meter.UploadInterval));
    }

    [Fact]
    public void Read_MeterWithoutOccupancyOrInterval_UnoccupiedAndDefaultInterval()
    {
        const string json = """
            {"deviceId":"wm-1","gatewayId":"gw-1","kind":"water-meter","location":{"lat":35.69,"lon":139.75},"areaCode":"13101",
             "channels":[{"name":"volume","quantity":"volume","unit":"l"}],"meter":{"q3":2.5}}
            """;

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Empty(errors);
        Assert.Equal((false, (TimeSpan?)null), (device!.Meter!.Occupied, device.Meter.UploadInterval));
        Assert.Contains("\"occupied\":false}", DeviceDocument.Write(device), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"uploadInterval\":\"hourly\"", "Expected an ISO 8601 duration such as PT1H or P1D, found 'hourly'")]
    [InlineData("\"uploadInterval\":\"PT30S\"", "at least 1 minute and at most 7 days")]
    [InlineData("\"uploadInterval\":\"P8D\"", "at least 1 minute and at most 7 days")]
    [InlineData("\"uploadInterval\":\"P99999999999999D\"", "Expected an ISO 8601 duration")]
    [InlineData("\"uploadInterval\":3600", "Expected a string")]
    [InlineData("\"occupied\":\"yes\"", "Expected")]
    public void Read_BadOccupancyOrInterval_OneErrorAtItsPathAndNoDevice(string member, string message)
    {
        var json = $$$"""
            {"deviceId":"wm-1","gatewayId":"gw-1","kind":"water-meter","location":{"lat":35.69,"lon":139.75},"areaCode":"13101",
             "channels":[{"name":"volume","quantity":"volume","unit":"l"}],"meter":{"q3":2.5,{{{member}}}}}
            """;

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Null(device);
        var error = Assert.Single(errors);
        Assert.StartsWith("$.meter.", error.Path, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MeterWithoutMeterProfile_ErrorRootedAtTheDocument()
    {
        var json = DeviceDocument.Write(Registrations.Meter() with { Meter = null });

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Null(device);
        Assert.All(errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Path.Contains("devices", StringComparison.Ordinal));
    }
}
