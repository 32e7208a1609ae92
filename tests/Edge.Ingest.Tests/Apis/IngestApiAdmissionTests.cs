using System.Net;
using System.Net.Http.Json;
using System.Text;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class IngestApiAdmissionTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 5, 31, 22, 0, 0, TimeSpan.Zero);

    private static async Task RegisterAsync(IngestAppFactory app, DeviceRegistration device, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        var put = await admin.PutAsync(
            new Uri($"/v1/admin/devices/{device.DeviceId}", UriKind.Relative),
            new StringContent(DeviceDocument.Write(device), Encoding.UTF8, "application/json"));
        Assert.Equal(expected, put.StatusCode);
    }

    [Fact]
    public async Task PostBatch_DeviceOfAnotherGateway_403NamingItAndNothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await RegisterAsync(app, Registrations.Meter("wm-2", gatewayId: "gw-2"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "wm-2", (1, _t0, 1000));
        var mixed = batch with { Devices = [.. batch.Devices, .. TestBatches.Litres("gw-1", 1, "new-1", (1, _t0, 5)).Devices] };

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Binary(mixed));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.DeviceNotOwned);
        Assert.Contains("'wm-2'", detail, StringComparison.Ordinal);
        Assert.Equal(new IngestStats(0, 0, 0, 0, 0), await ApiAssert.StatsAsync(app));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/v1/meters/new-1/readings", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PostBatch_UnknownDevice_StoredQuarantinedShownAndListed()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await RegisterAsync(app, Registrations.Meter("wm-1"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "wm-1", (1, _t0, 1000));
        var mixed = batch with
        {
            Devices = [.. batch.Devices, .. TestBatches.Litres("gw-1", 1, "new-1", (1, _t0, 5), (2, _t0.AddHours(1), 7)).Devices],
        };

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(mixed)));

        Assert.Equal((3, 2), (accepted.Stored, accepted.Quarantined));
        Assert.Equal(["new-1"], accepted.QuarantinedDevices);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        var unknown = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/new-1/readings"))!;
        var known = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!;
        Assert.Equal([true, true], unknown.Readings.Select(r => r.Quarantined));
        Assert.False(Assert.Single(known.Readings).Quarantined);
        var quarantine = (await reader.GetFromJsonAsync<QuarantineList>("/v1/admin/quarantine"))!;
        Assert.Equal([new QuarantineEntry("new-1", "gw-1", 2, _t0, _t0.AddHours(1))], quarantine.Devices);
    }

    [Fact]
    public async Task PutDevice_AfterQuarantinedReadings_ReleasesThemInTheSameWrite()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(
            "/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 1, "wm-1", (1, _t0, 1000), (2, _t0.AddHours(1), 1010)))));
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var put = await admin.PutAsync(
            new Uri("/v1/admin/devices/wm-1", UriKind.Relative),
            new StringContent(DeviceDocument.Write(Registrations.Meter("wm-1")), Encoding.UTF8, "application/json"));

        Assert.Equal(2, (await put.Content.ReadFromJsonAsync<DeviceRegistered>())!.ReleasedReadings);
        var readings = (await admin.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!;
        Assert.Equal([false, false], readings.Readings.Select(r => r.Quarantined));
        Assert.Empty((await admin.GetFromJsonAsync<QuarantineList>("/v1/admin/quarantine"))!.Devices);
    }

    [Fact]
    public async Task PostBatch_SameBatchAgainAfterQuarantine_DuplicateReportsNoQuarantine()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Binary(TestBatches.Litres("gw-1", 1, "new-1", (1, _t0, 5)));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", batch));

        var again = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 1, "new-1", (1, _t0, 5)))));

        Assert.Equal((true, 0), (again.Duplicate, again.Quarantined));
        Assert.Empty(again.QuarantinedDevices);
    }

    [Fact]
    public async Task PutDevice_PulseMeterAfterQuarantine_ReleasedReadingsConvertedWithItsMultiplier()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(
            "/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 1, "wm-1", (1, _t0, 120), (2, _t0.AddHours(1), 125)))));

        // Registered as a pulse input of 2.5 l per pulse: 120 pulses = 300 l = 0.3 m³, 125 pulses = 312.5 l.
        var pulse = Registrations.Meter("wm-1") with
        {
            Channels = [new ChannelSpec("volume", Edge.Ingest.Normalisation.Units.Quantity.Volume, "l", 2.5m)],
        };
        await RegisterAsync(app, pulse);

        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        var readings = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!.Readings;
        Assert.Equal([(0.3, false), (0.3125, false)], readings.Select(r => (r.Value, r.Quarantined)));
    }
}
