using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class RegistrySeedReaderTests
{
    private const string OneMeter = """
        {
          "version": 1,
          "devices": [
            {
              "deviceId": "wm-1", "gatewayId": "gw-1", "kind": "water-meter",
              "location": { "lat": 35.694, "lon": 139.7536 }, "areaCode": "131016",
              "channels": [ { "name": "volume", "quantity": "volume", "unit": "l" } ],
              "meter": { "registerDigits": 5, "q3": 2.5 },
              "welfare": { "enrolled": true, "householdId": "hh-1", "noUseAlertAfter": "PT12H",
                           "sleep": [ { "from": "22:00", "to": "06:00" } ],
                           "away": [ { "from": "2026-08-12T00:00:00+09:00", "to": "2026-08-16T00:00:00+09:00" } ] }
            }
          ]
        }
        """;

    private static RegistrySeedResult Read(string json) => RegistrySeedReader.Read(json, DeviceRegistrationValidator.Tokyo);

    [Fact]
    public void Read_OneMeter_AllFieldsRead()
    {
        var result = Read(OneMeter);

        Assert.Empty(result.Errors);
        var device = Assert.Single(result.Seed!.Devices);
        Assert.Equal(("wm-1", "gw-1", DeviceKind.WaterMeter, "13101"), (device.DeviceId, device.GatewayId, device.Kind, device.Area.Code));
        Assert.Equal(new MeterProfile(5, 2.5m), device.Meter);
        Assert.Equal(TimeSpan.FromHours(12), device.Welfare!.NoUseAlertAfter);
        Assert.Equal(new DailyWindow(new TimeOnly(22, 0), new TimeOnly(6, 0)), Assert.Single(device.Welfare.SleepWindows));
        Assert.Equal(new DateTimeOffset(2026, 8, 11, 15, 0, 0, TimeSpan.Zero), Assert.Single(device.Welfare.AwayPeriods).From);
    }

    [Fact]
    public async Task Read_DemoSeedFile_ValidWithTokyoAreas()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Registry", "demo-seed.json");

        var result = Read(File.ReadAllText(path));

        Assert.Empty(result.Errors);
        Assert.Equal(10, result.Seed!.Devices.Count);
        Assert.Equal(
            ["13101", "13104", "13112", "13201", "13421"],
            result.Seed.Devices.Select(d => d.Area.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(result.Seed.Devices, d => d.IsWelfareEnrolled);
        var registry = InMemoryDeviceRegistry.FromSeed(result.Seed);
        Assert.Equal(WriteOutcome.Accept, DeviceAdmission.Decide("gw-demo", "pm-000001", await registry.FindAsync("pm-000001", default)).Outcome);
    }

    [Theory]
    [InlineData("\"gatewayId\": \"gw-1\"", "\"gatewayID\": \"gw-1\"", "$.devices[0].gatewayId", "Required member is missing")]
    [InlineData("\"gatewayId\": \"gw-1\"", "\"gatewayID\": \"gw-1\"", "$.devices[0].gatewayID", "Unknown member")]
    [InlineData("\"areaCode\": \"131016\"", "\"areaCode\": \"131017\"", "$.devices[0].areaCode", "131016 would be valid")]
    [InlineData("\"kind\": \"water-meter\"", "\"kind\": \"watermeter\"", "$.devices[0].kind", "one of: water-meter, temperature")]
    [InlineData("\"q3\": 2.5", "\"q3\": \"2.5\"", "$.devices[0].meter.q3", "Expected a number, found a string")]
    [InlineData("\"quantity\": \"volume\"", "\"quantity\": \"flow\"", "$.devices[0].channels[0].quantity", "Unknown quantity 'flow'")]
    [InlineData("\"unit\": \"l\"", "\"unit\": \"L\"", "$.devices[0].channels[0].unit", "'L' is not accepted for volume")]
    [InlineData("\"PT12H\"", "\"12 hours\"", "$.devices[0].welfare.noUseAlertAfter", "ISO 8601 duration")]
    [InlineData("\"22:00\"", "\"10pm\"", "$.devices[0].welfare.sleep[0].from", "HH:mm")]
    [InlineData("\"2026-08-12T00:00:00+09:00\"", "\"2026-08-12T00:00:00\"", "$.devices[0].welfare.away[0].from", "with offset")]
    [InlineData("\"version\": 1", "\"version\": 2", "$.version", "Must be 1")]
    [InlineData("\"registerDigits\": 5", "\"registerDigits\": 5.5", "$.devices[0].meter.registerDigits", "whole number")]
    public void Read_OneDefect_ErrorAtItsPathAndNoSeed(string find, string replace, string path, string message)
    {
        var result = Read(OneMeter.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(result.Seed);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DuplicateMember_RefusedAsInvalidJson()
    {
        var result = Read(OneMeter.Replace("\"kind\": \"water-meter\"", "\"kind\": \"water-meter\", \"kind\": \"rain\"", StringComparison.Ordinal));

        Assert.Null(result.Seed);
        Assert.Contains("Not valid JSON", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameDeviceTwice_ErrorOnTheSecond()
    {
        var device = OneMeter[(OneMeter.IndexOf('[', StringComparison.Ordinal) + 1)..OneMeter.LastIndexOf(']')];
        var json = $$"""{ "version": 1, "devices": [ {{device}}, {{device}} ] }""";

        var error = Assert.Single(Read(json).Errors);

        Assert.Equal("$.devices[1].deviceId", error.Path);
    }

    [Fact]
    public void Read_TwoDefectsInTwoPlaces_BothReported()
    {
        var json = OneMeter.Replace("\"lat\": 35.694", "\"lat\": 95", StringComparison.Ordinal)
            .Replace("\"version\": 1", "\"version\": 1, \"comment\": \"x\"", StringComparison.Ordinal);

        var paths = Read(json).Errors.Select(e => e.Path).Order(StringComparer.Ordinal);

        Assert.Equal(["$.comment", "$.devices[0].location.lat"], paths);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    public void Read_NotASeedDocument_ErrorAtRoot(string json)
    {
        var result = Read(json);

        Assert.Null(result.Seed);
        Assert.StartsWith("$", Assert.Single(result.Errors).Path, StringComparison.Ordinal);
    }
}
