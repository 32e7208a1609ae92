using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;
using Edge.Gateway.Tests.Support;
using Edge.Gateway.Tests.Uplink;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Clock;

/// <summary>
/// A device with an unsynchronised clock publishes over real MQTT to the real gateway; the batch the ingest
/// receives carries the corrected time, clock quality gateway, and the device's own time beside it.
/// </summary>
public sealed class ClockCorrectionEndToEndTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Publish_UnsyncedFrame_IngestGetsCorrectedTimeAndDeviceTime()
    {
        await using var ingest = await FakeIngest.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => UplinkServiceTests.Fast(s, ingest.Url));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        // The device's clock restarted at 2000-01-01 and reads 03:00 now; two readings, at 01:00 and 02:00 of it.
        const long y2000 = 946_684_800_000, hour = 3_600_000;
        var encoder = new SenmlFrameEncoder(Frames.Device, new byte[512]);
        encoder.SetClock(5, y2000 + (3 * hour), ClockQualities.RtcUnsynced, hasStep: false, stepMs: 0);
        var length = encoder.EncodeMilli("volume", "l", 2, [5, 6], [y2000 + hour, y2000 + (2 * hour)], [1_000, 2_000], [0, 0],
            [ClockQualities.RtcUnsynced, ClockQualities.RtcUnsynced]);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await device.PublishAsync(DeviceClient.Topic(Frames.Device), encoder.Buffer[..length]);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await Wait.UntilAsync(() => ingest.Received.Count >= 1 && StoreFile.Rows(gateway.DbPath).Count == 0, TimeSpan.FromSeconds(20), "the batch");

        var batch = ingest.Received[0].Batch!;
        var points = batch.Devices.Single().Channels.Single().Points;
        Assert.Equal([y2000 + hour, y2000 + (2 * hour)], points.Select(p => p.DeviceUnixMs!.Value));
        Assert.All(points, p => Assert.Equal(ClockQuality.Gateway, p.ClockQuality));

        // Corrected = device time + (receive time − device now): 2 h and 1 h before the receive time.
        Assert.InRange(points[0].ObservedUnixMs, before - (2 * hour) - 1_000, after - (2 * hour));
        Assert.Equal(hour, points[1].ObservedUnixMs - points[0].ObservedUnixMs);
        Assert.Equal(1, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM clock_epochs WHERE boot_seq = 5 AND max_seq = 6 AND exact = 0"));
    }
}
