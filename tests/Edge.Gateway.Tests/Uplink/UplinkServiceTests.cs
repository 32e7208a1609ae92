using Edge.Gateway.Tests.Support;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Uplink;

public sealed class UplinkServiceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Send_ServerErrorThenSuccess_RowsLeaveOnlyAfter200AndTheRetryIsTheSameBatch()
    {
        await using var ingest = await FakeIngest.StartAsync();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        ingest.Responder = n => n == 0 ? Task.FromResult(500) : release.Task;
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => Fast(s, ingest.Url));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        // The retry is held open by the ingest: the batch was answered 500 once and 200 not yet.
        await Wait.UntilAsync(() => ingest.Received.Count == 2, TimeSpan.FromSeconds(20), "the retry");
        var rows = StoreFile.Rows(gateway.DbPath);
        Assert.Equal(2, rows.Count);
        var first = ingest.Received[0];
        var retry = ingest.Received[1];
        Assert.Equal(500, first.Status);
        Assert.All(rows, r => Assert.Equal(first.Batch?.Sequence, r.BatchSeq));
        Assert.Equal(first.Body, retry.Body);

        release.SetResult(200);
        await Wait.UntilAsync(() => StoreFile.Rows(gateway.DbPath).Count == 0, TimeSpan.FromSeconds(20), "the rows to leave the store");
        Assert.Equal(0, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM batches"));
        Assert.Equal(1, gateway.Counters.BatchesAcknowledged);
    }

    [Fact]
    public async Task Send_Acknowledged_IngestReceivedTheFrameAsABatch()
    {
        await using var ingest = await FakeIngest.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => Fast(s, ingest.Url));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        await Wait.UntilAsync(() => ingest.Received.Count == 1 && StoreFile.Rows(gateway.DbPath).Count == 0, TimeSpan.FromSeconds(20), "the batch");

        var received = ingest.Received[0];
        Assert.True(received.Batch is not null, received.DecodeError);
        Assert.Equal(("api-key-1", BatchCodec.ContentType), (received.ApiKey, received.ContentType));
        Assert.Equal(GatewayConfig.GatewayId, received.Batch.GatewayId);
        var device1 = Assert.Single(received.Batch.Devices);
        Assert.Equal(Frames.Device, device1.DeviceId);
        var run = Assert.Single(device1.Channels);
        Assert.Equal(("volume", "l", 0), (run.Channel, run.Unit, run.Scale));
        Assert.Equal(
            [new ReadingPoint(17, 1_764_028_800_000, 1234, ClockQuality.Ntp, 0), new ReadingPoint(18, 1_764_032_400_000, 1240, ClockQuality.Ntp, 1)],
            run.Points);
    }

    [Fact]
    public async Task Send_RefusedWithProblemDetails_KeepsRowsAndRetriesTheSameBatch()
    {
        await using var ingest = await FakeIngest.StartAsync();
        ingest.Responder = _ => Task.FromResult(403);
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => Fast(s, ingest.Url));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        await Wait.UntilAsync(() => ingest.Received.Count >= 2, TimeSpan.FromSeconds(20), "a retry after the refusal");

        Assert.Equal(ingest.Received[0].Body, ingest.Received[1].Body);
        Assert.Equal(2, StoreFile.Rows(gateway.DbPath).Count);
        Assert.True(gateway.Counters.UplinkFailures >= 1);
    }

    /// <summary>Short delays so the test runs in seconds (the production defaults are 10 s and 1-60 s).</summary>
    internal static void Fast(Dictionary<string, string> settings, string ingestUrl)
    {
        settings["Edge:Gateway:Ingest:Url"] = ingestUrl;
        settings["Edge:Gateway:Ingest:ApiKey"] = "api-key-1";
        settings["Edge:Gateway:Batch:MaxDelay"] = "00:00:00.200";
        settings["Edge:Gateway:Batch:PollInterval"] = "00:00:00.050";
        settings["Edge:Gateway:Uplink:MinBackoff"] = "00:00:00.200";
        settings["Edge:Gateway:Uplink:MaxBackoff"] = "00:00:00.500";
        settings["Edge:Gateway:Uplink:PollInterval"] = "00:00:00.050";
    }
}
