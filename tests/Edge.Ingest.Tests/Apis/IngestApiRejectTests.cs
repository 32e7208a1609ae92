using System.Net;
using System.Text;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

public sealed class IngestApiRejectTests
{
    private static readonly DateTimeOffset _t0 = IngestAppFactory.Start.AddHours(-1);
    private static readonly Batch _batch = TestBatches.Litres("gw-1", 1, "meter-1", (1, _t0, 1234));

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task PostBatch_MissingOrUnknownKey_401Problem(string? key)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(key);

        var response = await client.PostAsync("/v1/batches", TestBatches.Binary(_batch));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthenticated);
        Assert.Contains("X-Api-Key", detail, StringComparison.Ordinal);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_OtherGatewaysBatch_403ProblemNothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway2 = app.CreateClient(IngestAppFactory.Gateway2Key);

        var response = await gateway2.PostAsync("/v1/batches", TestBatches.Binary(_batch));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.GatewayMismatch);
        Assert.Contains("'gw-1'", detail, StringComparison.Ordinal);
        Assert.Contains("'gw-2'", detail, StringComparison.Ordinal);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_ReaderKey_403Problem()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var response = await reader.PostAsync("/v1/batches", TestBatches.Binary(_batch));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Contains("'reader'", detail, StringComparison.Ordinal);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_CorruptedBytes_400WithDecoderReasonNothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var bytes = BatchCodec.Encode(_batch);
        bytes[^1] ^= 0x5A;
        var expected = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(bytes)).Message;

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Bytes(bytes));

        Assert.Equal(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.MalformedBatch));
        await ApiAssert.NothingStoredAsync(app);
    }

    [Theory]
    [InlineData("application/vnd.edge.batch.v1", "")]
    [InlineData("application/vnd.edge.batch.v1", "hello, not a batch")]
    [InlineData("application/json", "{")]
    [InlineData("application/json", "[1, 2, 3]")]
    public async Task PostBatch_Garbage_400Problem(string contentType, string body)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", new StringContent(body, Encoding.UTF8, contentType));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.MalformedBatch);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_InvalidUtf8Json_400Problem()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        var response = await gateway.PostAsync("/v1/batches", content);

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.MalformedBatch);
        Assert.Contains("UTF-8", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task PostBatch_UnsupportedContentType_415Problem(string contentType)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var content = new ByteArrayContent(BatchCodec.Encode(_batch));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await gateway.PostAsync("/v1/batches", content);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedContentType);
        await ApiAssert.NothingStoredAsync(app);
    }
}
