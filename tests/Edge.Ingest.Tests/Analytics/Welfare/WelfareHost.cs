using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Analytics.Recompute;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Analytics.Welfare;

/// <summary>
/// The ingest app for welfare tests: one enrolled household (<see cref="Household"/>, meter <see cref="Meter"/>, asleep
/// 22:00-06:00 local, no-use deadline 12 h), hourly readings posted by gateway gw-1 through <see cref="AlarmHost"/>, the
/// welfare worker run to completion, and <c>/v1/welfare/...</c> called as the welfare role.
/// </summary>
internal sealed class WelfareHost : IAsyncDisposable
{
    public const string Meter = "wm-hh";

    public const string Household = "hh-7";

    /// <summary>04:00 local (JST, UTC+9) on 1 June 2025: the start of that morning, 5 h before the test clock.</summary>
    public static readonly DateTimeOffset Morning = new(2025, 5, 31, 19, 0, 0, TimeSpan.Zero);

    private WelfareHost(AlarmHost data) => Data = data;

    public AlarmHost Data { get; }

    public IngestAppFactory App => Data.App;

    public WelfareWorker Worker => App.Services.GetRequiredService<WelfareWorker>();

    public static async Task<WelfareHost> StartAsync(
        string databasePath, IReadOnlyDictionary<string, string?>? settings = null, long firstBatch = 1, bool register = true, bool kestrel = false)
    {
        var host = new WelfareHost(new AlarmHost(databasePath, settings, firstBatch));
        if (kestrel)
        {
            host.App.UseKestrel(0);
            host.App.StartServer();
        }

        if (register)
        {
            await ApiAssert.RegisterAsync(host.App,
                Registrations.Meter(Meter) with { Welfare = Registrations.Enrolled(Household) },
                Registrations.Meter("wm-not") with { Welfare = Registrations.Enrolled("hh-not") with { Enrolled = false } });
        }

        return host;
    }

    /// <summary>Posts hours of <see cref="Meter"/> (see <see cref="AlarmHost.PostHoursAsync"/>).</summary>
    public Task<HttpStatusCode> PostHoursAsync(long firstSeq, DateTimeOffset from, long register, long[] litres) =>
        Data.PostHoursAsync(Meter, firstSeq, from, register, litres);

    /// <summary>Moves the server clock.</summary>
    public void Advance(TimeSpan by) => App.Time.Advance(by);

    /// <summary>Waits until every judgement the posts asked for is done.</summary>
    public Task RecomputeAsync() => Worker.RecomputeNowAsync();

    /// <summary>Every event of the household (all kinds), newest first, as the welfare role.</summary>
    public async Task<IReadOnlyList<WelfareEventResource>> EventsAsync(string query = "")
    {
        using var client = App.CreateClient(IngestAppFactory.WelfareKey);
        var list = await client.GetFromJsonAsync<WelfareEventList>(new Uri($"/v1/welfare/events?household={Household}&limit=500{query}", UriKind.Relative));
        return list!.Events;
    }

    /// <summary>The household's events of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<WelfareEventResource>> EventsAsync(string kind, string? held) =>
        [.. (await EventsAsync($"&kind={kind}")).Where(e => e.Held == held)];

    /// <summary>Sends <paramref name="method"/> to <c>/v1/welfare/households/{household}{path}</c>.</summary>
    public async Task<HttpResponseMessage> HouseholdAsync(
        HttpMethod method, string path = "", string? json = null, string key = IngestAppFactory.WelfareKey, string household = Household)
    {
        using var client = App.CreateClient(key);
        using var request = new HttpRequestMessage(method, new Uri($"/v1/welfare/households/{household}{path}", UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>Reads a 200 answer as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    public ValueTask DisposeAsync() => Data.DisposeAsync();
}
