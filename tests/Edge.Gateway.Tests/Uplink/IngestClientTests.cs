using Edge.Gateway.Hosting;
using Edge.Gateway.Tests.Support;
using Edge.Gateway.Uplink;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Tests.Uplink;

public class IngestClientTests
{
    [Theory]
    [InlineData(200, nameof(IngestOutcome.Acknowledged))]
    [InlineData(500, nameof(IngestOutcome.Transient))]
    [InlineData(503, nameof(IngestOutcome.Transient))]
    [InlineData(429, nameof(IngestOutcome.Transient))]
    [InlineData(400, nameof(IngestOutcome.Refused))]
    [InlineData(401, nameof(IngestOutcome.Refused))]
    [InlineData(403, nameof(IngestOutcome.Refused))]
    [InlineData(413, nameof(IngestOutcome.Refused))]
    [InlineData(415, nameof(IngestOutcome.Refused))]
    [InlineData(422, nameof(IngestOutcome.Refused))]
    public async Task PostAsync_Status_IsClassified(int status, string expected)
    {
        await using var ingest = await FakeIngest.StartAsync();
        ingest.Responder = _ => Task.FromResult(status);
        using var client = Client(ingest.Url);

        var result = await client.PostAsync([1, 2, 3], CancellationToken.None);

        Assert.Equal((expected, status), (result.Outcome.ToString(), result.Status));
        if (status != 200)
        {
            Assert.Contains("scripted failure", result.Detail, StringComparison.Ordinal); // the problem details reach the log
        }
    }

    [Fact]
    public async Task PostAsync_Request_CarriesKeyContentTypeAndBody()
    {
        await using var ingest = await FakeIngest.StartAsync();
        using var client = Client(ingest.Url + "/");

        await client.PostAsync([9, 8, 7], CancellationToken.None);

        var request = Assert.Single(ingest.Received);
        Assert.Equal(("key-1", BatchCodec.ContentType), (request.ApiKey, request.ContentType));
        Assert.Equal(new byte[] { 9, 8, 7 }, request.Body);
    }

    [Fact]
    public async Task PostAsync_NobodyListening_IsTransient()
    {
        string url;
        await using (var ingest = await FakeIngest.StartAsync())
        {
            url = ingest.Url;
        }

        using var client = Client(url);

        var result = await client.PostAsync([1], CancellationToken.None);

        Assert.Equal((IngestOutcome.Transient, (int?)null), (result.Outcome, result.Status));
    }

    private static IngestClient Client(string url) => new(Options.Create(new GatewayOptions
    {
        Id = GatewayConfig.GatewayId,
        Ingest = new IngestOptions { Url = url, ApiKey = "key-1" },
    }));
}
