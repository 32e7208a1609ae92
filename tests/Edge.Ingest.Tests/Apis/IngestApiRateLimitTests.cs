using System.Net;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class IngestApiRateLimitTests
{
    private static readonly DateTimeOffset _t0 = IngestAppFactory.Start.AddHours(-1);

    [Fact]
    public async Task PostBatch_OverTheGatewaysBurst_429WithRetryAfterOtherGatewayUnaffected()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath, new Dictionary<string, string?>
        {
            ["RateLimit:RequestsPerMinute"] = "1",
            ["RateLimit:Burst"] = "2",
        });
        using var gateway1 = app.CreateClient(IngestAppFactory.Gateway1Key);
        using var gateway2 = app.CreateClient(IngestAppFactory.Gateway2Key);
        for (var s = 1; s <= 2; s++)
        {
            await ApiAssert.AcceptedAsync(await gateway1.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", s, "m", (s, _t0, s)))));
        }

        var third = await gateway1.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 3, "m", (3, _t0, 3))));
        var other = await gateway2.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-2", 1, "n", (1, _t0, 1))));

        var detail = await ApiAssert.ProblemAsync(third, (HttpStatusCode)429, ProblemTypes.RateLimited);
        Assert.Contains("'gw-1'", detail, StringComparison.Ordinal);
        Assert.InRange(third.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        await ApiAssert.AcceptedAsync(other);
        Assert.Equal(3L, (await ApiAssert.StatsAsync(app)).Readings);
    }
}
