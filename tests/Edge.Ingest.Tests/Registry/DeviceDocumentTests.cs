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
    public void Read_MeterWithoutMeterProfile_ErrorRootedAtTheDocument()
    {
        var json = DeviceDocument.Write(Registrations.Meter() with { Meter = null });

        var (device, errors) = DeviceDocument.Read(json, DeviceRegistrationValidator.Tokyo);

        Assert.Null(device);
        Assert.All(errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Path.Contains("devices", StringComparison.Ordinal));
    }
}
