using System.Net;
using System.Net.Http.Json;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

/// <summary>
/// A smart electricity meter read over the Wi-SUN B-route (issue 9): its energy and power enter the store in SI units
/// (kWh, W) and are served like a household meter's readings, never as sensor data.
/// </summary>
public sealed class ElectricityMeterTests
{
    private static readonly DateTimeOffset _h20 = new(2025, 5, 31, 20, 0, 0, TimeSpan.Zero);

    private static async Task<IngestAppFactory> StartAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.ElectricityMeter("em-1"), Registrations.RainGauge("rain-1"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        // Energy sent in Wh (1,234,567 Wh = 1,234.567 kWh) and power in kW (0.9 kW = 900 W): both become the canonical unit.
        var run = new DeviceRun("em-1",
        [
            new ChannelRun("energy", "Wh", 0, [new ReadingPoint(1, _h20.ToUnixTimeMilliseconds(), 1_234_567, ClockQuality.Ntp, 0)]),
            new ChannelRun("power", "kW", 1, [new ReadingPoint(2, _h20.ToUnixTimeMilliseconds(), 9, ClockQuality.Ntp, 0)]),
        ]);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Create(IngestAppFactory.Gateway1, 1, run))));
        return app;
    }

    [Fact]
    public async Task PostBatch_EnergyInWhAndPowerInKw_StoredInKwhAndW()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var waterworks = app.CreateClient(IngestAppFactory.WaterworksKey);

        var readings = (await waterworks.GetFromJsonAsync<MeterReadings>("/v1/meters/em-1/readings"))!.Readings;

        Assert.Equal(
            [("energy", 1234.567, "kWh", "KWH"), ("power", 900.0, "W", "WTT")],
            readings.OrderBy(r => r.Channel, StringComparer.Ordinal).Select(r => (r.Channel, r.Value, r.Unit, r.UnitCode)));
    }

    [Fact]
    public async Task Get_DisasterRoleOrSensorExport_NeverSeesTheHouseholdsElectricity()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var disaster = app.CreateClient(IngestAppFactory.DisasterKey);

        using var refused = await disaster.GetAsync(new Uri("/v1/meters/em-1/readings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The environmental sensors' export (the disaster role's) lists the rain gauge, not the electricity meter.
        var observations = await disaster.GetStringAsync(new Uri("/v1/export/ngsi-ld/observations", UriKind.Relative));
        Assert.Contains("rain-1", observations, StringComparison.Ordinal);
        Assert.DoesNotContain("em-1", observations, StringComparison.Ordinal);
    }
}
