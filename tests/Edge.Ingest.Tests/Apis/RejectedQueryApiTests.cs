using System.Net;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

public sealed class RejectedQueryApiTests
{
    // Far beyond any skew the tests' server clock (2025-06-01 + a few hours) allows.
    private static readonly DateTimeOffset _future = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Each batch carries one good reading too: a batch of nothing but future readings is refused whole instead.
    private static DeviceRun Good(long seq) => TestBatches.Meter("ok", "l", 0, (seq, IngestAppFactory.Start.AddHours(-1), seq));

    [Fact]
    public async Task GetRejected_NoFilter_NewestReceivedFirstThenDeviceThenSeqDescending()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithRejectionsAsync(dir);

        var rejected = await ApiAssert.RejectedAsync(app);

        Assert.Equal(
            [("a", 3L, "gw-1/3"), ("a", 2L, "gw-1/2"), ("b", 1L, "gw-1/2"), ("a", 1L, "gw-1/1")],
            rejected.Select(r => (r.DeviceId, r.Seq, r.BatchId)));
    }

    [Fact]
    public async Task GetRejected_DeviceAndReceivedBounds_InclusiveFromExclusiveTo()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithRejectionsAsync(dir);

        // Batch 2 was received at 01:00 (on 'from', included), batch 3 at 02:00 (on 'to', excluded).
        var rejected = await ApiAssert.RejectedAsync(app, "?deviceId=a&from=2025-06-01T01:00:00Z&to=2025-06-01T02:00:00Z");

        Assert.Equal([("a", 2L)], rejected.Select(r => (r.DeviceId, r.Seq)));
    }

    [Fact]
    public async Task GetRejected_Limit_NewestOnly()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithRejectionsAsync(dir);

        var rejected = await ApiAssert.RejectedAsync(app, "?limit=2");

        Assert.Equal([("a", 3L), ("a", 2L)], rejected.Select(r => (r.DeviceId, r.Seq)));
    }

    [Fact]
    public async Task GetRejected_NoLimit_At100AndAtMost1000()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var points = Enumerable.Range(1, 101).Select(i => ((long)i, _future, 1L)).ToArray();
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Create("gw-1", 1, TestBatches.Meter("m", "l", 0, points), Good(1)))));

        Assert.Equal(100, (await ApiAssert.RejectedAsync(app)).Count);
        Assert.Equal(101, (await ApiAssert.RejectedAsync(app, "?limit=1000")).Count);
    }

    [Fact]
    public async Task GetRejected_NothingSetAside_EmptyList()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);

        Assert.Empty(await ApiAssert.RejectedAsync(app, "?deviceId=nobody"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    [InlineData("limit=1.5")]
    [InlineData("from=yesterday")]
    [InlineData("from=2025-06-01T03:00:00Z&to=2025-06-01T01:00:00Z")]
    public async Task GetRejected_BadParameter_400Problem(string query)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var response = await admin.GetAsync($"/v1/rejected?{query}");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidQuery);
    }

    [Fact]
    public async Task GetRejected_GatewayKey_403Problem()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.GetAsync("/v1/rejected");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    // Batch 1 at 00:00 sets aside a/1; batch 2 at 01:00 sets aside a/2 and b/1; batch 3 at 02:00 sets aside a/3.
    private static async Task<IngestAppFactory> AppWithRejectionsAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Create("gw-1", 1, TestBatches.Meter("a", "l", 0, (1, _future, 1)), Good(1)))));
        app.Time.Advance(TimeSpan.FromHours(1));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Create("gw-1", 2,
            TestBatches.Meter("b", "l", 0, (1, _future, 1)),
            TestBatches.Meter("a", "l", 0, (2, _future, 2)),
            Good(2)))));
        app.Time.Advance(TimeSpan.FromHours(1));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Create("gw-1", 3, TestBatches.Meter("a", "l", 0, (3, _future, 3)), Good(3)))));
        return app;
    }
}
