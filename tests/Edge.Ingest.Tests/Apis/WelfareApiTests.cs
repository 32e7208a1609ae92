using System.Net;
using System.Net.Http.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class WelfareApiTests
{
    // The test clock is 2025-06-01T00:00Z = 09:00 JST. Enrolled households: deadline 12 h, asleep 22:00-06:00 JST.
    private static readonly DateTimeOffset _may30 = new(2025, 5, 30, 0, 0, 0, TimeSpan.Zero);

    private static async Task<IngestAppFactory> StartAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(
            app,
            Registrations.Meter("wm-1") with { Welfare = Registrations.Enrolled("hh-1") },
            Registrations.Meter("wm-2") with { Welfare = Registrations.Enrolled("hh-2") },
            Registrations.Meter("wm-3"),
            Registrations.Meter("wm-4") with { Welfare = Registrations.Enrolled("hh-4") });
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        // wm-1 and the unenrolled wm-3: 100 l between 09:00 and 10:00 JST on 30 May, then nothing (register flat).
        // wm-2: 30 l in the hour before now. wm-4: no readings at all.
        await PostAsync(gateway, 1, "wm-1", (1, _may30, 1000), (2, _may30.AddHours(1), 1100), (3, _may30.AddHours(47), 1100));
        await PostAsync(gateway, 2, "wm-3", (1, _may30, 1000), (2, _may30.AddHours(1), 1100), (3, _may30.AddHours(47), 1100));
        await PostAsync(gateway, 3, "wm-2", (1, _may30.AddHours(46), 500), (2, _may30.AddHours(47), 530));
        return app;
    }

    private static async Task PostAsync(HttpClient gateway, long sequence, string deviceId, params (long Seq, DateTimeOffset At, long Litres)[] points) =>
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(
            "/v1/batches", TestBatches.Binary(TestBatches.Litres(IngestAppFactory.Gateway1, sequence, deviceId, points))));

    [Fact]
    public async Task GetAlerts_SilentEnrolledHousehold_AlertedWithSleepNotCounted()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var welfare = app.CreateClient(IngestAppFactory.WelfareKey);

        var answer = (await welfare.GetFromJsonAsync<WelfareAlerts>("/v1/welfare/alerts"))!;

        // Last use ended 10:00 JST 30 May; now 09:00 JST 1 June: 47 h, minus two nights of 8 h asleep = 31 h > 12 h.
        var alert = Assert.Single(answer.Households);
        Assert.Equal(("hh-1", "wm-1", "13101", "alert"), (alert.HouseholdId, alert.DeviceId, alert.Area, alert.Status));
        Assert.Equal(_may30.AddHours(1), alert.LastUseAt);
        Assert.Equal(31.0, alert.HoursWithoutUse);
        Assert.Equal(12.0, alert.DeadlineHours);
        Assert.False(alert.SilentForWholeLookback);
        Assert.Contains("31 h", alert.Reason, StringComparison.Ordinal);
        Assert.Equal(IngestAppFactory.Start, answer.EvaluatedAt);
    }

    [Fact]
    public async Task GetAlerts_All_EveryEnrolledHouseholdNeverAnUnenrolledOne()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var welfare = app.CreateClient(IngestAppFactory.WelfareKey);

        var answer = (await welfare.GetFromJsonAsync<WelfareAlerts>("/v1/welfare/alerts?all=true"))!;

        Assert.Equal(
            [("hh-1", "alert"), ("hh-2", "ok"), ("hh-4", "nodata")],
            answer.Households.OrderBy(h => h.HouseholdId).Select(h => (h.HouseholdId, h.Status)));
        Assert.DoesNotContain(answer.Households, h => h.DeviceId == "wm-3");
        Assert.Equal(_may30.AddHours(47), answer.Households.Single(h => h.HouseholdId == "hh-2").LastUseAt);
    }

    [Fact]
    public async Task GetAlerts_NoUseInTheWholeLookback_AlertedAsSilentAtLeastThatLong()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-9") with { Welfare = Registrations.Enrolled("hh-9") });

        // Flat register for the last two hours: readings arrive, no water is used, none in the 14 days before.
        using (var gateway = app.CreateClient(IngestAppFactory.Gateway1Key))
        {
            await PostAsync(gateway, 1, "wm-9", (1, _may30.AddHours(46), 2000), (2, _may30.AddHours(47), 2000));
        }

        using var welfare = app.CreateClient(IngestAppFactory.WelfareKey);
        var alert = Assert.Single((await welfare.GetFromJsonAsync<WelfareAlerts>("/v1/welfare/alerts"))!.Households);

        Assert.Equal(("hh-9", "alert", true), (alert.HouseholdId, alert.Status, alert.SilentForWholeLookback));
        Assert.Null(alert.LastUseAt);

        // 14 days before the last whole hour (00:00Z 1 June) is 00:00Z 18 May: 336 h, minus 14 nights of 8 h = 224 h.
        Assert.Equal(224.0, alert.HoursWithoutUse);
    }

    [Theory]
    [InlineData(IngestAppFactory.WaterworksKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.DisasterKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.AdminKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.ReaderKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.Gateway1Key, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(IngestAppFactory.WelfareKey, HttpStatusCode.OK)]
    public async Task GetAlerts_EachRole_OnlyWelfareSeesHouseholds(string? key, HttpStatusCode expected)
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var client = app.CreateClient(key);

        using var response = await client.GetAsync(new Uri("/v1/welfare/alerts?all=true", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, body.Contains("hh-1", StringComparison.Ordinal));
    }
}
