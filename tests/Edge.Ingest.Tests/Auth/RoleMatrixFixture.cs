using System.Net.Http.Json;
using System.Text;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Auth;

/// <summary>
/// One app and one dataset for the role matrix: an enrolled household meter, a meter not enrolled, a rain gauge,
/// readings of each, a quarantined reading of an unregistered meter, a reading set aside, and one registration per
/// role reserved for that role's DELETE row.
/// </summary>
public sealed class RoleMatrixFixture : IAsyncLifetime
{
    /// <summary>Meter of the household enrolled in welfare watch.</summary>
    public const string HomeMeter = "wm-home";

    /// <summary>Household id of <see cref="HomeMeter"/>.</summary>
    public const string Household = "hh-home";

    /// <summary>A meter not enrolled in welfare watch, in the same area.</summary>
    public const string PlainMeter = "wm-plain";

    /// <summary>A rain gauge (an environmental sensor, not a household).</summary>
    public const string RainGauge = "rain-1";

    /// <summary>A meter that is not registered: its readings are quarantined.</summary>
    public const string StrayMeter = "wm-stray";

    /// <summary>A meter whose tamper flag raised an alarm, in <see cref="ReservedArea"/> (away from the area totals).</summary>
    public const string TamperMeter = "wm-tamper";

    /// <summary>The area of both meters.</summary>
    public const string MeterArea = "13101";

    /// <summary>Area of the registrations reserved for the PUT and DELETE rows, away from <see cref="MeterArea"/>.</summary>
    public const string ReservedArea = "13113";

    /// <summary>A district metered area of the fixture's area catalogue, with <see cref="DmaInflow"/> as its inflow meter.</summary>
    public const string Dma = "dma-rm";

    /// <summary>The inflow meter of <see cref="Dma"/> (registered in <see cref="ReservedArea"/>, no readings).</summary>
    public const string DmaInflow = "fm-rm";

    /// <summary>Role names of the matrix columns; <c>none</c> sends no key.</summary>
    public static readonly string[] Roles = ["gateway", "reader", "waterworks", "disaster", "welfare", "admin", "none"];

    private static readonly DateTimeOffset _may30 = new(2025, 5, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    /// <summary>The app; its clock stays at <see cref="IngestAppFactory.Start"/>.</summary>
    public IngestAppFactory App { get; private set; } = null!;

    /// <summary>The first batch of the fixture, which the POST rows send again (a duplicate changes nothing).</summary>
    public Batch FirstBatch { get; } = TestBatches.Litres(
        IngestAppFactory.Gateway1, 1, HomeMeter, (1, _may30, 1000), (2, _may30.AddHours(1), 1100), (3, _may30.AddHours(47), 1100));

    /// <summary>The id of <see cref="TamperMeter"/>'s tamper alarm.</summary>
    public string TamperAlarmId { get; private set; } = null!;

    /// <summary>The id of a welfare event of <see cref="Household"/> (its meter silent since 30 May).</summary>
    public string WelfareEventId { get; private set; } = null!;

    /// <summary>The API key of a role name, null for <c>none</c>.</summary>
    public static string? KeyOf(string role) => role switch
    {
        "gateway" => IngestAppFactory.Gateway1Key,
        "reader" => IngestAppFactory.ReaderKey,
        "waterworks" => IngestAppFactory.WaterworksKey,
        "disaster" => IngestAppFactory.DisasterKey,
        "welfare" => IngestAppFactory.WelfareKey,
        "admin" => IngestAppFactory.AdminKey,
        "none" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role of the matrix."),
    };

    /// <summary>The registration document of a water meter in <see cref="ReservedArea"/>.</summary>
    public static StringContent ReservedMeter(string deviceId) =>
        new(DeviceDocument.Write(Registrations.Meter(deviceId, area: ReservedArea)), Encoding.UTF8, "application/json");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var catalogue = Path.Combine(_dir.Path, "areas.json");
        await File.WriteAllTextAsync(catalogue, $$"""
            { "type": "FeatureCollection", "features": [ { "type": "Feature", "id": "{{Dma}}", "geometry": null,
              "properties": { "name": "Role matrix DMA", "inflowMeterId": "{{DmaInflow}}" } } ] }
            """);
        App = new IngestAppFactory(_dir.DatabasePath, new Dictionary<string, string?> { ["Analytics:AreaService:CatalogPath"] = catalogue });
        using var admin = App.CreateClient(IngestAppFactory.AdminKey);
        foreach (var device in new[]
        {
            Registrations.Meter(HomeMeter, area: MeterArea) with { Welfare = Registrations.Enrolled(Household) },
            Registrations.Meter(PlainMeter, area: MeterArea),
            Registrations.RainGauge(RainGauge),
            Registrations.Meter(TamperMeter, area: ReservedArea),
            Registrations.Meter(DmaInflow, area: ReservedArea) with { StatusAreaId = Dma },
        })
        {
            await PutAsync(admin, device.DeviceId, new StringContent(DeviceDocument.Write(device), Encoding.UTF8, "application/json"));
        }

        foreach (var role in Roles)
        {
            await PutAsync(admin, $"del-{role}", ReservedMeter($"del-{role}"));
        }

        using var gateway = App.CreateClient(IngestAppFactory.Gateway1Key);

        // Both meters: 100 l between 00:00Z and 01:00Z on 30 May, then a flat register: the enrolled one is in alert.
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(FirstBatch)));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(TestBatches.Litres(
            IngestAppFactory.Gateway1, 2, PlainMeter, (1, _may30, 2000), (2, _may30.AddHours(1), 2100), (3, _may30.AddHours(47), 2100)))));

        // The rain gauge: 0.5 mm then 2.5 mm.
        var rain = new DeviceRun(RainGauge,
        [
            new ChannelRun("rain", "mm", 1,
            [
                new ReadingPoint(1, _may30.AddHours(44).ToUnixTimeMilliseconds(), 5, ClockQuality.Ntp, 0),
                new ReadingPoint(2, _may30.AddHours(45).ToUnixTimeMilliseconds(), 25, ClockQuality.Ntp, 0),
            ]),
        ]);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(
            new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(TestBatches.Create(IngestAppFactory.Gateway1, 3, rain))));

        // An unregistered meter (quarantined) and a reading observed a day ahead of the server clock (set aside; it
        // travels with a good reading on the flat register, as a batch of nothing but future readings is refused).
        var stray = await ApiAssert.AcceptedAsync(await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(
            TestBatches.Litres(IngestAppFactory.Gateway1, 4, StrayMeter, (1, _may30.AddHours(40), 300)))));
        Assert.Equal(1, stray.Quarantined);
        var ahead = await ApiAssert.AcceptedAsync(await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(
            TestBatches.Litres(IngestAppFactory.Gateway1, 5, PlainMeter, (4, _may30.AddHours(46), 2100), (99, IngestAppFactory.Start.AddDays(1), 9000)))));
        Assert.Equal(1, ahead.Rejected);

        // A tamper flag (FRAME.md bit 1) on one reading of the tamper meter: a latching alarm.
        var tamper = new DeviceRun(TamperMeter,
        [
            new ChannelRun("volume", "l", 0,
            [
                new ReadingPoint(1, _may30.AddHours(40).ToUnixTimeMilliseconds(), 10, ClockQuality.Ntp, 2),
                new ReadingPoint(2, _may30.AddHours(41).ToUnixTimeMilliseconds(), 11, ClockQuality.Ntp, 0),
            ]),
        ]);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(
            new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(TestBatches.Create(IngestAppFactory.Gateway1, 6, tamper))));
        await App.Services.GetRequiredService<AlarmRecomputeWorker>().RecomputeNowAsync();
        await App.Services.GetRequiredService<WelfareWorker>().RecomputeNowAsync();
        WelfareEventId = (await App.Services.GetRequiredService<WelfareBook>().SnapshotAsync(default))
            .First(e => e.HouseholdId == Household).Id;
        using (var waterworks = App.CreateClient(IngestAppFactory.WaterworksKey))
        {
            var list = await waterworks.GetFromJsonAsync<AlarmList>(new Uri($"/v1/alarms?meter={TamperMeter}&kind=tamper", UriKind.Relative));
            TamperAlarmId = Assert.Single(list!.Alarms).Id;
        }

        // Gateway 1's desired configuration (set by an operator) and its report.
        using var desired = await admin.PutAsync(new Uri($"/v1/gateways/{IngestAppFactory.Gateway1}/desired", UriKind.Relative),
            new StringContent("""{"disasterMode":{"on":false},"normal":{"samplingSeconds":900,"reportingSeconds":3600}}""", Encoding.UTF8, "application/json"));
        Assert.True(desired.IsSuccessStatusCode, await desired.Content.ReadAsStringAsync());
        using var reported = await gateway.PutAsync(new Uri($"/v1/gateways/{IngestAppFactory.Gateway1}/reported", UriKind.Relative), Report());
        Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync());
    }

    /// <summary>A report of <see cref="IngestAppFactory.Gateway1"/>: version 1 applied, disaster mode off.</summary>
    public static StringContent Report() => new(
        $$"""{"gatewayId":"{{IngestAppFactory.Gateway1}}","appliedVersion":1,"disasterMode":false,"sources":[],"at":"2025-06-01T00:00:00Z"}""",
        Encoding.UTF8, "application/json");

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _dir.Dispose();
    }

    private static async Task PutAsync(HttpClient admin, string deviceId, StringContent document)
    {
        using var put = await admin.PutAsync(new Uri($"/v1/admin/devices/{deviceId}", UriKind.Relative), document);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }
}
