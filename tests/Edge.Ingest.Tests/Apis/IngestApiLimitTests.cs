using System.Net;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class IngestApiLimitTests
{
    private const int MaxBodyBytes = 512;
    private static readonly DateTimeOffset _t0 = IngestAppFactory.Start.AddHours(-1);

    [Fact]
    public async Task PostBatch_BodyOverLimitWithLength_413Problem()
    {
        using var dir = new TempDirectory();
        await using var app = SmallBodyApp(dir);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Bytes(new byte[MaxBodyBytes + 1]));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.BodyTooLarge);
        Assert.Contains("512 bytes", detail, StringComparison.Ordinal);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_BodyAtLimit_DecodedNotRefusedForSize()
    {
        using var dir = new TempDirectory();
        await using var app = SmallBodyApp(dir);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Bytes(new byte[MaxBodyBytes]));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.MalformedBatch);
    }

    [Fact]
    public async Task PostBatch_MoreReadingsThanAllowed_422NothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath, new Dictionary<string, string?> { ["MaxReadingsPerBatch"] = "3" });
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        // Readings that would be set aside still count towards the limit, and are not set aside when it is exceeded.
        var batch = TestBatches.Litres("gw-1", 1, "m", (1, _t0, 1), (2, _t0, 2), (3, _t0, 3), (4, _t0.AddYears(5), 4));

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.InvalidBatch);
        Assert.Contains("4 readings", detail, StringComparison.Ordinal);
        await ApiAssert.NothingStoredAsync(app);
    }

    private static IngestAppFactory SmallBodyApp(TempDirectory dir) =>
        new(dir.DatabasePath, new Dictionary<string, string?> { ["MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
