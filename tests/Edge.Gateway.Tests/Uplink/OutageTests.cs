using Edge.Gateway.Tests.Support;
using MQTTnet;

namespace Edge.Gateway.Tests.Uplink;

/// <summary>Gateway promise 5 end to end: after an outage, the newest reading per device first, then the backlog.</summary>
public sealed class OutageTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Drain_IngestBackAfterThreeDaysOfHourlyFrames_NewestPerDeviceFirstThenEverythingOnce()
    {
        const int devices = 20, hours = 72;
        var now = DateTimeOffset.UtcNow;
        await using var ingest = await FakeIngest.StartAsync();
        var up = false;
        ingest.Responder = _ => Task.FromResult(Volatile.Read(ref up) ? 200 : 503);
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            UplinkServiceTests.Fast(s, ingest.Url);
            DeviceFrame.AddDevices(s, devices);
            s["Edge:Gateway:Batch:MaxReadings"] = "50";
            s["Edge:Gateway:Batch:BackfillMaxDelay"] = "00:00:00.200";
        });

        // Every device: 72 hourly frames observed over the last three days, published while the ingest refuses.
        await Task.WhenAll(Enumerable.Range(1, devices).Select(async d =>
        {
            var id = DeviceFrame.Id(d);
            using var client = await DeviceClient.ConnectAsync(gateway.Port, id, DeviceFrame.Password(id));
            for (var h = 0; h < hours; h++)
            {
                var result = await client.PublishAsync(DeviceClient.Topic(id), DeviceFrame.Single(id, h, now.AddHours(h - hours + 1), 1000 + h));
                Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
            }
        }));

        // Batches cut while the ingest refused are resent first, byte-identically (they are not re-cut).
        // (No more are cut meanwhile: MaxPendingBatches is reached and nothing is acknowledged yet.)
        var refused = ingest.Received.Where(r => r.Status == 503).ToList();
        var earlyBatches = PendingBatches(gateway.DbPath);
        Assert.Superset(refused.Select(r => r.Batch!.Sequence).ToHashSet(), earlyBatches);
        Volatile.Write(ref up, true);
        await Wait.UntilAsync(() => StoreFile.Rows(gateway.DbPath).Count == 0 && ingest.Received.All(r => r.Status != 0), TimeSpan.FromSeconds(60), "the backlog to drain");

        var batches = IngestLedger.Acknowledged(ingest);
        var received = IngestLedger.Readings(batches);
        Assert.Equal(devices * hours, received.Count);
        Assert.Equal(received.Count, received.Distinct().Count());
        foreach (var attempt in refused)
        {
            Assert.Equal(attempt.Body, ingest.Received.First(r => r.Status == 200 && r.Batch!.Sequence == attempt.Batch!.Sequence).Body);
        }

        // After those: the first batch holds the newest reading of every device not yet sent, and no batch
        // before it holds anything older.
        var after = batches.Where(b => !earlyBatches.Contains(b.Sequence)).ToList();
        var sentEarly = IngestLedger.Readings(batches.Where(b => earlyBatches.Contains(b.Sequence))).ToHashSet();
        var newest = Enumerable.Range(1, devices).Select(d => (DeviceFrame.Id(d), (long)(hours - 1))).Where(n => !sentEarly.Contains(n)).ToList();
        Assert.NotEmpty(newest);
        Assert.Superset(newest.ToHashSet(), IngestLedger.Readings([after[0]]).ToHashSet());
        Assert.True(after.Count > 1, "the backlog should need several batches");
    }

    private static HashSet<long> PendingBatches(string dbPath)
    {
        var count = StoreFile.Scalar(dbPath, "SELECT COUNT(*) FROM batches");
        return [.. Enumerable.Range(0, (int)count).Select(i => StoreFile.Scalar(dbPath, $"SELECT seq FROM batches ORDER BY seq LIMIT 1 OFFSET {i}"))];
    }
}
