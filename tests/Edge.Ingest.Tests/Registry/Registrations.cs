using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

/// <summary>Valid registrations for tests to start from and break one thing at a time.</summary>
internal static class Registrations
{
    public static DeviceRegistration Meter(string deviceId = "wm-1", string gatewayId = "gw-1", string area = "13101") =>
        new(deviceId, gatewayId, DeviceKind.WaterMeter,
            [new ChannelSpec("volume", Quantity.Volume, "l")],
            new GeoPoint(35.6940, 139.7536), AreaCode.Parse(area), new MeterProfile(5, 2.5m, "S-1"));

    public static DeviceRegistration RainGauge(string deviceId = "rain-1", string gatewayId = "gw-1", string area = "13104") =>
        new(deviceId, gatewayId, DeviceKind.Rain,
            [new ChannelSpec("rain", Quantity.Precipitation, "mm")],
            new GeoPoint(35.6895, 139.6917), AreaCode.Parse(area));

    public static DeviceRegistration ElectricityMeter(string deviceId = "em-1", string gatewayId = "gw-1", string area = "13104") =>
        new(deviceId, gatewayId, DeviceKind.ElectricityMeter,
            [new ChannelSpec("energy", Quantity.Energy, "kWh"), new ChannelSpec("power", Quantity.Power, "W")],
            new GeoPoint(35.6895, 139.6917), AreaCode.Parse(area));

    public static WelfareEnrolment Enrolled(string household = "hh-1") =>
        new(true, household, TimeSpan.FromHours(12), [new DailyWindow(new TimeOnly(22, 0), new TimeOnly(6, 0))], []);
}
