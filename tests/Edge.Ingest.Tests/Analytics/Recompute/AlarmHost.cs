using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>
/// The ingest app for alarm tests: registers water meters, posts hourly register readings through <c>POST /v1/batches</c>
/// as gateway gw-1, runs the recomputation worker to completion and reads <c>/v1/alarms</c> as waterworks.
/// </summary>
internal sealed class AlarmHost : IAsyncDisposable
{
    private long _batch;

    public AlarmHost(string databasePath, IReadOnlyDictionary<string, string?>? settings = null, long firstBatch = 1)
    {
        App = new IngestAppFactory(databasePath, settings);
        _batch = firstBatch;
    }

    public IngestAppFactory App { get; }

    /// <summary>The batch posted last.</summary>
    public Batch? LastBatch { get; private set; }

    public static async Task<AlarmHost> StartAsync(
        string databasePath, IReadOnlyDictionary<string, string?>? settings, long firstBatch, params string[] meters)
    {
        var host = new AlarmHost(databasePath, settings, firstBatch);
        if (meters.Length > 0)
        {
            await ApiAssert.RegisterAsync(host.App, [.. meters.Select(m => Registrations.Meter(m))]);
        }

        return host;
    }

    /// <summary>
    /// Posts register readings of <paramref name="meter"/> at <paramref name="from"/> + k h (k = 0..n) such that hour k
    /// holds <paramref name="litres"/>[k]; the first reading is <paramref name="register"/> litres, seqs from
    /// <paramref name="firstSeq"/>. Readings whose index is in <paramref name="flagged"/> carry <paramref name="flags"/>.
    /// </summary>
    public async Task<HttpStatusCode> PostHoursAsync(
        string meter, long firstSeq, DateTimeOffset from, long register, long[] litres, int[]? flagged = null, int flags = 0)
    {
        var points = new List<ReadingPoint>();
        for (var k = 0; k <= litres.Length; k++)
        {
            var bits = flagged is not null && flagged.Contains(k) ? flags : 0;
            points.Add(new ReadingPoint(firstSeq + k, from.AddHours(k).ToUnixTimeMilliseconds(), register, ClockQuality.Ntp, bits));
            register += k < litres.Length ? litres[k] : 0;
        }

        return await PostAsync(new DeviceRun(meter, [new ChannelRun("volume", "l", 0, points)]));
    }

    /// <summary>Posts one batch of <paramref name="run"/> with the next batch sequence.</summary>
    public Task<HttpStatusCode> PostAsync(DeviceRun run) => PostAsync(TestBatches.Create(IngestAppFactory.Gateway1, _batch++, run));

    /// <summary>Posts <paramref name="batch"/> as is (e.g. the same batch again).</summary>
    public async Task<HttpStatusCode> PostAsync(Batch batch)
    {
        LastBatch = batch;
        using var gateway = App.CreateClient(IngestAppFactory.Gateway1Key);
        var answer = await ApiAssert.AcceptedAsync(await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(batch)));
        return answer.Duplicate ? HttpStatusCode.Conflict : HttpStatusCode.OK;
    }

    /// <summary>Waits until every recomputation the posts asked for is done.</summary>
    public Task RecomputeAsync() => App.Services.GetRequiredService<AlarmRecomputeWorker>().RecomputeNowAsync();

    /// <summary>Runs the timer's work now.</summary>
    public Task TickAsync() => App.Services.GetRequiredService<AlarmRecomputeWorker>().TickNowAsync();

    /// <summary><c>GET /v1/alarms</c> with <paramref name="query"/>, as waterworks.</summary>
    public async Task<AlarmList> ListAsync(string query = "?state=all")
    {
        using var client = App.CreateClient(IngestAppFactory.WaterworksKey);
        return (await client.GetFromJsonAsync<AlarmList>(new Uri($"/v1/alarms{query}", UriKind.Relative)))!;
    }

    /// <summary>The alarms of <paramref name="meter"/> and <paramref name="kind"/>, all states.</summary>
    public async Task<IReadOnlyList<AlarmResource>> AlarmsAsync(string meter, string kind) =>
        (await ListAsync($"?state=all&meter={meter}&kind={kind}&limit=500")).Alarms;

    /// <summary><c>GET /v1/alarms/{id}</c> as waterworks.</summary>
    public async Task<AlarmResource> GetAsync(string id)
    {
        using var client = App.CreateClient(IngestAppFactory.WaterworksKey);
        return (await client.GetFromJsonAsync<AlarmResource>(new Uri($"/v1/alarms/{id}", UriKind.Relative)))!;
    }

    /// <summary>POSTs <paramref name="json"/> to <c>/v1/alarms/{id}/{action}</c> as <paramref name="key"/>.</summary>
    public async Task<HttpResponseMessage> CommandAsync(string id, string action, string json, string key = IngestAppFactory.WaterworksKey)
    {
        using var client = App.CreateClient(key);
        return await client.PostAsync(
            new Uri($"/v1/alarms/{id}/{action}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
    }

    /// <summary>Reads an alarm resource from a 200 answer.</summary>
    public static async Task<AlarmResource> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<AlarmResource>(body, JsonSerializerOptions.Web)!;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
