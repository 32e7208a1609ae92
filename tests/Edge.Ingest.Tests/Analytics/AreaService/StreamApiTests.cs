using System.Net;
using System.Text.Json.Nodes;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// <c>GET /v1/stream</c> over Kestrel on loopback, read by a real HttpClient as it arrives: role filtering,
/// Last-Event-ID replay, keep-alive comments and a clean end when the client goes (API.md "Stream").
/// </summary>
public sealed class StreamApiTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly IngestAppFactory _app;
    private readonly AnalyticsEventHub _hub;

    public StreamApiTests()
    {
        _app = new IngestAppFactory(_dir.DatabasePath);
        _app.UseKestrel(0);
        _app.StartServer();
        _hub = _app.Services.GetRequiredService<AnalyticsEventHub>();
    }

    [Fact]
    public async Task Stream_EachRole_OnlyItsScopes()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var keys = new[] { IngestAppFactory.DisasterKey, IngestAppFactory.WaterworksKey, IngestAppFactory.AdminKey, IngestAppFactory.WelfareKey };
        var clients = keys.Select(_app.CreateClient).ToList();
        var streams = new List<SseReader>();
        foreach (var client in clients)
        {
            streams.Add(await AreaStatusApiTests.OpenStreamAsync(client, cancel.Token));
        }

        await WaitForAsync(() => _hub.SubscriberCount == keys.Length);
        Publish("a1", AnalyticsEventScope.Aggregate);
        Publish("m1", AnalyticsEventScope.Meter);
        Publish("w1", AnalyticsEventScope.Welfare);
        Publish("a-end", AnalyticsEventScope.Aggregate);
        Publish("w-end", AnalyticsEventScope.Welfare);

        // API.md: disaster Aggregate only; waterworks Aggregate + Meter; admin everything; welfare Welfare only.
        Assert.Equal(["a1", "a-end"], await NamesUntilAsync(streams[0], "a-end", cancel.Token));
        Assert.Equal(["a1", "m1", "a-end"], await NamesUntilAsync(streams[1], "a-end", cancel.Token));
        Assert.Equal(["a1", "m1", "w1", "a-end"], await NamesUntilAsync(streams[2], "a-end", cancel.Token));
        Assert.Equal(["w1", "w-end"], await NamesUntilAsync(streams[3], "w-end", cancel.Token));
        streams.ForEach(s => s.Dispose());
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Stream_LastEventId_ReplaysOnlyLaterEvents()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = Publish("n1", AnalyticsEventScope.Aggregate);
        Publish("n2", AnalyticsEventScope.Aggregate);
        Publish("n3", AnalyticsEventScope.Aggregate);
        using var client = _app.CreateClient(IngestAppFactory.DisasterKey);

        using var stream = await AreaStatusApiTests.OpenStreamAsync(client, cancel.Token, first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var next = await stream.NextAsync(cancel.Token);

        Assert.Equal((first.Id + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), next!.Id);
        Assert.Equal(("area-status", "n2"), (next.Type, next.Json.GetProperty("n").GetString()));
        Assert.Equal("n3", (await stream.NextAsync(cancel.Token))!.Json.GetProperty("n").GetString());
    }

    [Fact]
    public async Task Stream_Quiet_KeepAliveCommentEvery15Seconds()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = _app.CreateClient(IngestAppFactory.WaterworksKey);
        using var stream = await AreaStatusApiTests.OpenStreamAsync(client, cancel.Token);
        await WaitForAsync(() => _hub.SubscriberCount == 1);

        // The server's clock is fake: 15 s pass when the test says so. Until then no keep-alive is sent.
        for (var attempt = 0; attempt < 20 && !stream.Comments.Contains("keep-alive"); attempt++)
        {
            _app.Time.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(100, cancel.Token);
            var marker = Publish("tick", AnalyticsEventScope.Aggregate);
            await stream.UntilAsync(e => e.Id == marker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancel.Token);
        }

        Assert.Contains("keep-alive", stream.Comments);
        Assert.Equal("connected", stream.Comments[0]);
    }

    [Fact]
    public async Task Stream_ClientGoes_SubscriptionEnds()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using (var client = _app.CreateClient(IngestAppFactory.AdminKey))
        using (await AreaStatusApiTests.OpenStreamAsync(client, cancel.Token))
        {
            // A real socket: Kestrel listens on a port of its own choice, not TestServer's in-memory localhost:80.
            Assert.NotEqual(80, client.BaseAddress!.Port);
            await WaitForAsync(() => _hub.SubscriberCount == 1);
        }

        await WaitForAsync(() => _hub.SubscriberCount == 0);
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task Stream_BadLastEventId_BadRequest(string lastEventId)
    {
        using var client = _app.CreateClient(IngestAppFactory.DisasterKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/stream", UriKind.Relative));
        request.Headers.Add("Last-Event-ID", lastEventId);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task Stream_Gateway_Forbidden()
    {
        using var client = _app.CreateClient(IngestAppFactory.Gateway1Key);

        using var response = await client.GetAsync(new Uri("/v1/stream", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        _dir.Dispose();
    }

    private AnalyticsEvent Publish(string name, AnalyticsEventScope scope) => _hub.Publish(
        scope == AnalyticsEventScope.Aggregate ? AnalyticsEventTypes.AreaStatus : scope == AnalyticsEventScope.Meter ? AnalyticsEventTypes.Alarm : AnalyticsEventTypes.Welfare,
        scope, new JsonObject { ["n"] = name });

    private static async Task<List<string>> NamesUntilAsync(SseReader stream, string last, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        while (await stream.NextAsync(cancellationToken) is { } e)
        {
            names.Add(e.Json.GetProperty("n").GetString()!);
            if (names[^1] == last)
            {
                break;
            }
        }

        return names;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}
