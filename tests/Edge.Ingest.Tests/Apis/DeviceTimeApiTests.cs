using System.Net.Http.Json;
using System.Text.Json;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

/// <summary>
/// Readings the gateway corrected (clock quality gateway, device time kept) keep both times in the ingest
/// (DESIGN.md, ingest promise 4), whether the batch came binary or as JSON.
/// </summary>
public sealed class DeviceTimeApiTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 5, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _y2000 = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Batch Corrected(long sequence) => TestBatches.Create("gw-1", sequence, new DeviceRun("meter-c",
    [
        new ChannelRun("volume", "l", 0,
        [
            new ReadingPoint(1, _t0.ToUnixTimeMilliseconds(), 5, ClockQuality.Gateway, 0, _y2000.ToUnixTimeMilliseconds()),
            new ReadingPoint(2, _t0.AddHours(1).ToUnixTimeMilliseconds(), 6, ClockQuality.Ntp, 0),
        ]),
    ]));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetReadings_CorrectedReading_ShowsObservedAndDeviceTime(bool json)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = Corrected(1);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", json ? TestBatches.Json(batch) : TestBatches.Binary(batch)));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var body = await reader.GetFromJsonAsync<JsonElement>("/v1/meters/meter-c/readings");

        var readings = body.GetProperty("readings");
        Assert.Equal("2025-05-31T00:00:00+00:00", readings[0].GetProperty("observedAt").GetString());
        Assert.Equal("gateway", readings[0].GetProperty("clockQuality").GetString());
        Assert.Equal("2000-01-01T00:00:00+00:00", readings[0].GetProperty("deviceObservedAt").GetString());
        Assert.False(readings[1].TryGetProperty("deviceObservedAt", out _));
    }
}
