using System.Net;
using System.Net.Http.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class ConsumptionApiTests
{
    // Four hours before the test clock (2025-06-01T00:00Z): no reading is in the future.
    private static readonly DateTimeOffset _h20 = new(2025, 5, 31, 20, 0, 0, TimeSpan.Zero);

    private static async Task PostAsync(
        IngestAppFactory app, string key, string gateway, long sequence, string deviceId,
        params (long Seq, DateTimeOffset At, long Litres)[] points)
    {
        using var client = app.CreateClient(key);
        await ApiAssert.AcceptedAsync(await client.PostAsync(
            "/v1/batches", TestBatches.Binary(TestBatches.Litres(gateway, sequence, deviceId, points))));
    }

    [Fact]
    public async Task GetMeterConsumption_HourlyWithAMissingReading_VolumeWhereBothEndsKnownGapsElsewhere()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        await PostAsync(app, IngestAppFactory.Gateway1Key, "gw-1", 1, "wm-1",
            (1, _h20, 1000), (2, _h20.AddHours(1), 1250), (3, _h20.AddHours(3), 1400));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var answer = (await reader.GetFromJsonAsync<MeterConsumption>(
            "/v1/meters/wm-1/consumption?interval=hour&from=2025-05-31T20:00:00Z&to=2025-05-31T23:00:00Z"))!;

        // 1250 l - 1000 l = 0.25 m³; 21-22 has no end reading, 22-23 no start reading.
        Assert.Equal(("hour", 2), (answer.Interval, answer.Missing));
        Assert.Equal(
            [(_h20, 0.25m, "good"), (_h20.AddHours(1), (decimal?)null, "missing"), (_h20.AddHours(2), null, "missing")],
            answer.Intervals.Select(i => (i.Start, i.VolumeM3, i.Quality)));
        Assert.Equal((1m, 1.25m), (answer.Intervals[0].StartRegisterM3, answer.Intervals[0].EndRegisterM3));
    }

    [Theory]
    [InlineData(1, "good")] // the meter's reverse flag (FRAME.md bit 0): backflow, a fact
    [InlineData(0, "suspect")] // a fall without the flag is kept signed but doubted
    public async Task GetMeterConsumption_RegisterFalls_NegativeVolumeKeptSignedQualityByReverseFlag(int flags, string quality)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        using (var gateway = app.CreateClient(IngestAppFactory.Gateway1Key))
        {
            var run = new Edge.Uplink.DeviceRun("wm-1",
            [
                new Edge.Uplink.ChannelRun("volume", "l", 0,
                [
                    new Edge.Uplink.ReadingPoint(1, _h20.ToUnixTimeMilliseconds(), 1000, Edge.Uplink.ClockQuality.Ntp, 0),
                    new Edge.Uplink.ReadingPoint(2, _h20.AddHours(1).ToUnixTimeMilliseconds(), 980, Edge.Uplink.ClockQuality.Ntp, flags),
                ]),
            ]);
            await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Create("gw-1", 1, run))));
        }

        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        var answer = (await reader.GetFromJsonAsync<MeterConsumption>(
            "/v1/meters/wm-1/consumption?interval=hour&from=2025-05-31T20:00:00Z&to=2025-05-31T21:00:00Z"))!;

        // 980 l - 1000 l = -0.02 m³, within Q4 × 1 h of a domestic meter either way.
        var hour = Assert.Single(answer.Intervals);
        Assert.Equal((-0.02m, quality), (hour.VolumeM3, hour.Quality));
    }

    [Fact]
    public async Task GetMeterConsumption_DailyTokyoDay_VolumeBetweenLocalMidnights()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));

        // 2025-05-30 00:00 JST = 2025-05-29T15:00Z; 2025-05-31 00:00 JST = 2025-05-30T15:00Z.
        var midnight = new DateTimeOffset(2025, 5, 29, 15, 0, 0, TimeSpan.Zero);
        await PostAsync(app, IngestAppFactory.Gateway1Key, "gw-1", 1, "wm-1", (1, midnight, 1000), (2, midnight.AddDays(1), 1500));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var answer = (await reader.GetFromJsonAsync<MeterConsumption>(
            "/v1/meters/wm-1/consumption?interval=day&from=2025-05-30&to=2025-05-31"))!;

        var day = Assert.Single(answer.Intervals);
        Assert.Equal((midnight, midnight.AddDays(1), 0.5m, "good"), (day.Start, day.End, day.VolumeM3, day.Quality));
    }

    [Fact]
    public async Task GetMeterConsumption_ReadingsStillQuarantined_LeftOutAsGap()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);

        // Sent by gw-2 before wm-1 was registered to gw-1: registration does not release them.
        await PostAsync(app, IngestAppFactory.Gateway2Key, "gw-2", 1, "wm-1", (1, _h20, 1000), (2, _h20.AddHours(1), 1250));
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var answer = (await reader.GetFromJsonAsync<MeterConsumption>(
            "/v1/meters/wm-1/consumption?interval=hour&from=2025-05-31T20:00:00Z&to=2025-05-31T21:00:00Z"))!;

        Assert.Equal((1, (decimal?)null, "missing"), (answer.Missing, answer.Intervals[0].VolumeM3, answer.Intervals[0].Quality));
    }

    [Fact]
    public async Task GetMeterConsumption_NotRegistered_404UnknownDevice()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await PostAsync(app, IngestAppFactory.Gateway1Key, "gw-1", 1, "wm-9", (1, _h20, 1000));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var response = await reader.GetAsync(new Uri(
            "/v1/meters/wm-9/consumption?interval=hour&from=2025-05-31T20:00:00Z&to=2025-05-31T21:00:00Z", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.UnknownDevice);
    }

    [Theory]
    [InlineData("interval=week&from=2025-05-31&to=2025-06-01")]
    [InlineData("interval=hour&from=2025-05-31T20:30:00Z&to=2025-05-31T21:00:00Z")]
    [InlineData("interval=hour&from=2025-05-31T21:00:00Z&to=2025-05-31T20:00:00Z")]
    [InlineData("interval=day&from=2025-05-31")]
    [InlineData("interval=month&from=2025-05-01&to=2025-06")]
    [InlineData("interval=hour&from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z")]
    public async Task GetMeterConsumption_BadParameters_400InvalidQuery(string query)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var response = await reader.GetAsync(new Uri($"/v1/meters/wm-1/consumption?{query}", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidQuery);
    }

    [Fact]
    public async Task GetAreaConsumption_TwoMetersWithDataOneWithout_SumOfTwoOneMissing()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-2"));
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-4"));
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-3", area: "13104"));
        await ApiAssert.RegisterAsync(app, Registrations.RainGauge("rain-1", area: "13101"));
        await PostAsync(app, IngestAppFactory.Gateway1Key, "gw-1", 1, "wm-1", (1, _h20, 1000), (2, _h20.AddHours(1), 1250));
        await PostAsync(app, IngestAppFactory.Gateway1Key, "gw-1", 2, "wm-2", (1, _h20, 500), (2, _h20.AddHours(1), 600));
        await PostAsync(app, IngestAppFactory.Gateway1Key, "gw-1", 3, "wm-3", (1, _h20, 0), (2, _h20.AddHours(1), 2000));
        using var disaster = app.CreateClient(IngestAppFactory.DisasterKey);

        var answer = (await disaster.GetFromJsonAsync<AreaConsumptionAnswer>(
            "/v1/areas/131016/consumption?interval=hour&from=2025-05-31T20:00:00Z&to=2025-05-31T21:00:00Z"))!;

        // 0.25 m³ + 0.1 m³ from wm-1 and wm-2; wm-4 has no readings; wm-3 is in Shinjuku, rain-1 is no meter.
        Assert.Equal(("13101", 3), (answer.AreaCode, answer.Meters));
        Assert.Equal(new AreaPeriod(_h20, _h20.AddHours(1), 0.35m, 2, 1, 0), Assert.Single(answer.Intervals));
    }

    [Theory]
    [InlineData("13100")]
    [InlineData("131015")]
    [InlineData("27100")]
    public async Task GetAreaConsumption_NotATokyoMunicipality_400(string code)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var disaster = app.CreateClient(IngestAppFactory.DisasterKey);

        var response = await disaster.GetAsync(new Uri(
            $"/v1/areas/{code}/consumption?interval=day&from=2025-05-30&to=2025-05-31", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidQuery);
    }

    [Theory]
    [InlineData(IngestAppFactory.WaterworksKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.ReaderKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.AdminKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.DisasterKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.WelfareKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.Gateway1Key, HttpStatusCode.Forbidden)]
    public async Task GetMeterConsumption_EachRole_OnlyWaterworksAndAdmin(string key, HttpStatusCode expected)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        using var client = app.CreateClient(key);

        var response = await client.GetAsync(new Uri(
            "/v1/meters/wm-1/consumption?interval=day&from=2025-05-30&to=2025-05-31", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(IngestAppFactory.DisasterKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.WaterworksKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.AdminKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.WelfareKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.Gateway1Key, HttpStatusCode.Forbidden)]
    public async Task GetAreaConsumption_EachRole_DisasterWaterworksAdminOnly(string key, HttpStatusCode expected)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(key);

        var response = await client.GetAsync(new Uri(
            "/v1/areas/13101/consumption?interval=month&from=2025-04&to=2025-05", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}
