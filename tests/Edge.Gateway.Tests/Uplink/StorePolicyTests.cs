using Edge.Gateway.Tests.Support;
using MQTTnet;

namespace Edge.Gateway.Tests.Uplink;

/// <summary>The store's classes, limits and drain order, end to end: devices over MQTT, the real gateway, a Kestrel ingest.</summary>
public sealed class StorePolicyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Publish_TamperFrameWithHourLongReadingDelay_AlarmReachesTheIngestAtOnce()
    {
        await using var ingest = await FakeIngest.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            UplinkServiceTests.Fast(s, ingest.Url);
            s["Edge:Gateway:Batch:MaxDelay"] = "01:00:00";
            s["Edge:Gateway:Batch:PollInterval"] = "00:01:00"; // only the alarm's wake-up can cut in time
            DeviceFrame.AddDevices(s, 1);
        });
        using var device = await DeviceClient.ConnectAsync(gateway.Port, DeviceFrame.Id(1), DeviceFrame.Password(DeviceFrame.Id(1)));
        await device.PublishAsync(DeviceClient.Topic(DeviceFrame.Id(1)), DeviceFrame.Single(DeviceFrame.Id(1), 7, DateTimeOffset.UtcNow, 100));
        await Task.Delay(1500); // the first poll has passed; a reading alone now waits an hour

        await device.PublishAsync(DeviceClient.Topic(DeviceFrame.Id(1)), DeviceFrame.Single(DeviceFrame.Id(1), 8, DateTimeOffset.UtcNow, 101, flags: 2));
        await Wait.UntilAsync(() => IngestLedger.Acknowledged(ingest).Count >= 1, TimeSpan.FromSeconds(10), "the alarm batch");

        var ev = Assert.Single(IngestLedger.Acknowledged(ingest).SelectMany(b => b.Events));
        Assert.Equal((DeviceFrame.Id(1), "tamper", "seq 8"), (ev.DeviceId, ev.Kind, ev.Detail));
    }

    [Fact]
    public async Task Publish_TinyStoreLongOutageMixedClasses_AlarmsAllArriveAndGapsAccountForEveryReading()
    {
        const int devices = 4, frames = 60;
        var now = DateTimeOffset.UtcNow;
        await using var ingest = await FakeIngest.StartAsync();
        var up = false;
        ingest.Responder = _ => Task.FromResult(Volatile.Read(ref up) ? 200 : 503);
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            UplinkServiceTests.Fast(s, ingest.Url);
            DeviceFrame.AddDevices(s, devices);
            s["Edge:Gateway:Store:MaxBytes"] = "6000"; // about 50 readings of ~115 estimated bytes
            s["Edge:Gateway:Batch:MaxReadings"] = "10";
            s["Edge:Gateway:Batch:BackfillMaxDelay"] = "00:00:00.200";
        });

        // Hourly frames over 60 h up to now: the first 36 h are backfill; every 7th has tamper, every 11th reboot.
        var sent = new Dictionary<string, int>();
        var alarms = new HashSet<(string, long)>();
        for (var d = 1; d <= devices; d++)
        {
            var id = DeviceFrame.Id(d);
            using var client = await DeviceClient.ConnectAsync(gateway.Port, id, DeviceFrame.Password(id));
            for (var i = 0; i < frames; i++)
            {
                var flags = (i % 7 == 3 ? 2 : 0) | (i % 11 == 5 ? 8 : 0);
                var result = await client.PublishAsync(DeviceClient.Topic(id), DeviceFrame.Single(id, 1000 + i, now.AddHours(i - frames + 1), 500 + i, flags));
                Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
                sent[id] = sent.GetValueOrDefault(id) + 1;
                if ((flags & 2) != 0)
                {
                    alarms.Add((id, 1000 + i));
                }
            }
        }

        Assert.True(gateway.Counters.ReadingsEvicted > 0, "the store never filled");
        Volatile.Write(ref up, true);
        await Wait.UntilAsync(
            () => StoreFile.Scalar(gateway.DbPath, "SELECT (SELECT COUNT(*) FROM readings) + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM gaps)") == 0,
            TimeSpan.FromSeconds(60), "the store to drain");

        var batches = IngestLedger.Acknowledged(ingest);
        var received = IngestLedger.Readings(batches);
        Assert.Equal(received.Count, received.Distinct().Count());
        var gaps = IngestLedger.Gaps(batches);
        foreach (var (device, count) in sent)
        {
            Assert.Equal(count, received.Count(r => r.Device == device) + IngestLedger.ReadingsLost(gaps, device));
        }

        Assert.Equal(alarms.Order(), batches.SelectMany(b => b.Events).Where(e => e.Kind == "tamper").Select(e => (e.DeviceId, long.Parse(e.Detail![4..], System.Globalization.CultureInfo.InvariantCulture))).Order());
        Assert.Equal(gateway.Counters.ReadingsEvicted, sent.Keys.Sum(d => IngestLedger.ReadingsLost(gaps, d)));
    }
}
