using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Frames;
using Edge.Gateway.Southbound;
using Edge.HwSim.SensorNode;

namespace Edge.Gateway.Tests.SensorNode;

/// <summary>
/// The sensor node app (real firmware and drivers) against the hw-sim register models, its frames read by the
/// gateway's <see cref="DeviceFrames"/>: schedule, units, a sensor fault skipped and flagged, nothing lost across a reboot.
/// </summary>
public sealed class SensorNodeDeviceTests
{
    private const string Device = "sn-000001";

    // 2026-11-26 00:00:00 UTC, on a 10-minute boundary.
    private static readonly long _start = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Tick_SeventyMinutes_EachSensorOnItsScheduleWithGatewayChannelsAndUnits()
    {
        var uplink = new RecordingUplink();
        using var node = NewNode(uplink);
        node.SetRiverLevelMetres(1.234);
        node.SetRainMmPerHour(30);
        node.Bme280.SetTemperatureCelsius(18.5);
        node.Sht4x.SetTemperatureCelsius(18.5);
        node.Scd4x.SetCo2Ppm(800);
        node.Pms5003.SetData(5, 12, 20, 5, 12, 20, 0, 0, 0, 0, 0, 0);
        node.Boot();

        node.AdvanceTo(_start + (70 * 60_000) + 500);

        var records = Decode(uplink);
        Assert.Equal(0, node.Device.PendingCount);
        int Count(string channel) => records.Count(r => r.Channel == channel);

        // Climate/CO2/PM every 10 min at :10 ... :70 (7), water level every minute (70), rain per closed block (7):
        // the first block is partial, so the hour is complete only after six whole blocks (at :70): one rain-1h.
        Assert.Equal(14, Count("temperature")); // BME280 and SHT4x
        Assert.Equal(7, Count("pressure"));
        Assert.Equal(14, Count("humidity"));
        Assert.Equal(7, Count("co2"));
        Assert.Equal(7, Count("pm2.5"));
        Assert.Equal(7, Count("pm10"));
        Assert.Equal(70, Count("water-level"));
        Assert.Equal(7, Count("rain-10m"));
        Assert.Equal(1, Count("rain-1h"));
        Assert.All(records, r => Assert.Equal(
            r.Channel switch
            {
                "temperature" => "Cel", "humidity" => "%RH", "pressure" => "Pa", "co2" => "ppm", "pm2.5" or "pm10" => "ug/m3",
                "water-level" => "m", _ => "mm",
            },
            r.Unit));

        // Sequence numbers 1..n, each once, in order; only the first reading carries the reboot flag.
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.Equal(ReadingFlags.Reboot, records[0].Flags);
        Assert.All(records.Skip(1), r => Assert.Equal(0, r.Flags));

        // The physical inputs: river 1.234 m (A02YYUW resolves 1 mm), 18.5 °C, 800 ppm, the PMS5003 atmospheric values.
        Assert.All(records.Where(r => r.Channel == "water-level"), r => Assert.Equal(1.234, r.Value.ToDouble(), 3));
        Assert.All(records.Where(r => r.Channel == "temperature"), r => Assert.InRange(r.Value.ToDouble(), 18.49, 18.51));
        Assert.All(records.Where(r => r.Channel == "co2"), r => Assert.Equal(800, r.Value.ToDouble()));
        Assert.All(records.Where(r => r.Channel == "pm2.5"), r => Assert.Equal(12, r.Value.ToDouble()));
        Assert.All(records.Where(r => r.Channel == "pm10"), r => Assert.Equal(20, r.Value.ToDouble()));

        // 30 mm/h with 0.5 mm tips: one tip a minute, 10 per whole block (5 mm), 60 in the hour (30 mm).
        Assert.All(records.Where(r => r.Channel == "rain-10m").Skip(1), r => Assert.Equal(5.0, r.Value.ToDouble()));
        Assert.Equal(30.0, records.Single(r => r.Channel == "rain-1h").Value.ToDouble());
    }

    [Fact]
    public void Tick_ShtCrcErrorAndBmeNack_ValueSkippedCountedNextReadingFlaggedOthersContinue()
    {
        var uplink = new RecordingUplink();
        using var node = NewNode(uplink);
        node.Boot();
        node.AdvanceTo(_start + (5 * 60_000));
        node.Sht4x.CorruptCrcAll = true;
        node.Bme280.NackAll = true;
        node.AdvanceTo(_start + (10 * 60_000) + 500); // the :10 sample fails on both
        node.Sht4x.CorruptCrcAll = false;
        node.Bme280.NackAll = false;
        node.AdvanceTo(_start + (20 * 60_000) + 500);

        Assert.Equal(1, node.Device.Faults(SensorNodeDevice.SlotSht));
        Assert.Equal(1, node.Device.Faults(SensorNodeDevice.SlotBmx280));
        var records = Decode(uplink);

        // At :10 only the sensors that answered: CO2 and PM (and water level, rain); no temperature, humidity, pressure.
        var at10 = records.Where(r => r.ObservedUnixMs / 60_000 == (_start / 60_000) + 10).Select(r => r.Channel).ToList();
        Assert.DoesNotContain("temperature", at10);
        Assert.DoesNotContain("pressure", at10);
        Assert.Contains("co2", at10);
        Assert.Contains("water-level", at10);

        // At :20 the climate readings are back, flagged sensor-fault; the others are not.
        var at20 = records.Where(r => r.ObservedUnixMs / 60_000 == (_start / 60_000) + 20).ToList();
        Assert.Equal(2, at20.Count(r => r.Channel == "temperature"));
        Assert.All(at20.Where(r => r.Channel is "temperature" or "humidity" or "pressure"), r => Assert.Equal(ReadingFlags.SensorFault, r.Flags));
        Assert.All(at20.Where(r => r.Channel is "co2" or "water-level"), r => Assert.Equal(0, r.Flags));
    }

    [Fact]
    public void Boot_AgainWhileGatewayUnreachable_NothingLostNoSeqRepeated()
    {
        var uplink = new RecordingUplink { Reachable = false };
        using var node = NewNode(() => uplink);
        node.Boot();
        node.AdvanceTo(_start + (30 * 60_000) + 500);
        var takenFirstBoot = node.Device.NextSeq - 1;
        Assert.Equal(takenFirstBoot, node.Device.PendingCount);

        // Power cycle: the firmware starts again from the flash.
        node.Boot();
        Assert.Equal(2u, node.Device.BootCount);
        Assert.Equal(takenFirstBoot, node.Device.PendingCount);
        node.AdvanceTo(_start + (40 * 60_000) + 500);
        uplink.Reachable = true;
        node.AdvanceTo(_start + (45 * 60_000));

        var records = Decode(uplink);
        Assert.Equal(0, node.Device.PendingCount);
        Assert.Equal(Enumerable.Range(1, (int)(node.Device.NextSeq - 1)).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.Equal(ReadingFlags.Reboot, records.Single(r => r.Seq == takenFirstBoot + 1).Flags & ReadingFlags.Reboot);
        Assert.True(records.Count(r => r.Channel == "water-level") >= 39);
    }

    [Fact]
    public void Tick_AccelerometerAbsentAtBootThenAnswers_RetriedAndTheQuakeWindowIsSent()
    {
        var uplink = new RecordingUplink();
        using var node = NewNode(uplink);
        node.TriggerSettings = (1000, 5000, 100, 3000, 0, 1.5, 1305);
        node.Accelerometer.Nack = true;
        node.Boot();
        node.AdvanceTo(_start + 5_000);
        Assert.Equal(0, node.Accelerometer.SamplesConverted);

        // The part answers again: the node retries at most once a second, so it measures within a second or two.
        node.Accelerometer.Nack = false;
        node.AdvanceTo(_start + 12_000);
        Assert.True(node.Accelerometer.Measuring, "the node never retried the accelerometer after it failed at boot");
        node.StartQuake(HwSim.Sensors.Seismic.SyntheticQuake.Generate(new HwSim.Sensors.Seismic.SyntheticQuakeOptions { PeakGal = 120 }));
        node.AdvanceTo(_start + 90_000);

        Assert.Equal(1, node.Device.WindowsSent);
        Assert.Contains(uplink.Messages, m => m.Topic == $"edge/v1/{Device}/window");
    }

    [Fact]
    public void Tick_QuakeWindowChunkFails_WindowResentFromFirstChunkUntilLastAcknowledged()
    {
        var uplink = new RecordingUplink { FailWindowChunkAt = 2 };
        using var node = NewNode(uplink);
        node.TriggerSettings = (1000, 5000, 100, 3000, 0, 1.5, 1305);
        node.Boot();
        node.AdvanceTo(_start + 12_000);
        node.StartQuake(HwSim.Sensors.Seismic.SyntheticQuake.Generate(new HwSim.Sensors.Seismic.SyntheticQuakeOptions { PeakGal = 120 }));
        node.AdvanceTo(_start + 90_000);

        var chunks = uplink.Messages.Where(m => m.Topic == $"edge/v1/{Device}/window").Select(m =>
        {
            Assert.True(Edge.Gateway.Sensors.Seismic.SeismicWindowChunkReader.TryRead(m.Payload, Device, out var chunk, out var reason), reason);
            return chunk;
        }).ToList();

        // 6000 samples in chunks of 1000: 0 and 1000 acknowledged, 2000 failed, then the whole window again.
        Assert.Equal([0, 1000, 0, 1000, 2000, 3000, 4000, 5000], chunks.Select(c => c.Offset));
        Assert.All(chunks, c => Assert.Equal((node.Device.WindowSeq, 6000, 1000, 256000), (c.Seq, c.Total, c.TriggerIndex, c.LsbPerG)));
        Assert.False(node.Device.WindowPending);
        Assert.Equal(1, node.Device.WindowsSent);

        // The window's seq is not in any frame: frames skip it, and every reading is still acknowledged.
        Assert.DoesNotContain(node.Device.WindowSeq, Decode(uplink).Select(r => r.Seq));
        Assert.Equal(0, node.Device.PendingCount);
    }

    [Fact]
    public void Tick_GatewaySetsTwoMinutesAndTenMinutes_EverySensorOnTheNewScheduleFramesEveryTenMinutesKeptAcrossReboot()
    {
        var uplink = new RecordingUplink();
        using var node = NewNode(uplink);
        node.SetRiverLevelMetres(1.5);
        node.Boot();
        Assert.Contains($"edge/v1/{Device}/config", uplink.Subscriptions);

        // FRAME.md "Device configuration": version 5, sampling 120 s, reporting 600 s, disaster (RFC 8949 by hand).
        uplink.Deliver($"edge/v1/{Device}/config", [0xA4, 0x01, 0x05, 0x02, 0x18, 0x78, 0x03, 0x19, 0x02, 0x58, 0x04, 0xF5]);
        node.AdvanceTo(_start + 500);
        Assert.Equal((120, 120, 600), (node.Device.IntervalSeconds(SensorNodeDevice.SlotBmx280), node.Device.IntervalSeconds(SensorNodeDevice.SlotWaterLevel), node.Device.ReportingSeconds));

        node.AdvanceTo(_start + (30 * 60_000) + 500);

        // 15 climate/water samples in 30 min at 120 s; frames sent at :10, :20, :30 only (two frames of at most 24 readings
        // each time: 45 readings and the rain block), the time each was encoded in its first record.
        var frames = uplink.Messages.Where(m => m.Topic.EndsWith("/up", StringComparison.Ordinal)).ToList();
        var sentAt = frames.Select(f => DeviceFrames.TryRead(f.Payload, Device, out var frame, out _) ? frame.Header.Clock.NowUnixSeconds : null).Distinct();
        Assert.Equal([(_start / 1000) + 600, (_start / 1000) + 1200, (_start / 1000) + 1800], sentAt);
        var records = Decode(uplink);
        Assert.Equal(15, records.Count(r => r.Channel == "pressure"));
        Assert.Equal(15, records.Count(r => r.Channel == "water-level"));
        Assert.True(DeviceFrames.TryRead(frames[0].Payload, Device, out var first, out _));
        Assert.Equal(new FrameSettings(5, 120, 600), first.Header.Settings);

        node.Boot();
        Assert.Equal((120, 600, 5L), (node.Device.IntervalSeconds(SensorNodeDevice.SlotScd4x), node.Device.ReportingSeconds, node.Device.Settings.Version));
    }

    private static SimulatedSensorNode NewNode(RecordingUplink uplink) => NewNode(() => uplink);

    private static SimulatedSensorNode NewNode(Func<Firmware.Hardware.IUplink> uplink) =>
        new(new SensorNodeConfig { DeviceId = Device, WaterLevelIntervalSeconds = 60, MinRetryMs = 1000, MaxRetryMs = 4000 }, _start, uplink);

    private static List<FrameRecord> Decode(RecordingUplink uplink)
    {
        var records = new List<FrameRecord>();
        foreach (var (topic, payload) in uplink.Messages.Where(m => m.Topic.EndsWith("/up", StringComparison.Ordinal)))
        {
            Assert.Equal($"edge/v1/{Device}/up", topic);
            Assert.True(DeviceFrames.TryRead(payload, Device, out var frame, out var reason), reason);
            records.AddRange(frame.Records);
        }

        return records;
    }
}
