using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Storage;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.App;

/// <summary>
/// The pulse meter applying the gateway's configuration topic (firmware/FRAME.md, "Device configuration"). Payloads are
/// written by hand from RFC 8949 §3 (map A4, unsigned 19 xx xx, true F5 / false F4), not by our encoder.
/// </summary>
public class RemoteSettingsTests
{
    private const long Hour = 3_600_000;
    private const long Start = 1_764_028_800_000; // 2025-11-25T00:00:00Z, on the hour
    private const string Topic = "edge/v1/pm-000009/config";

    // FRAME.md's own example: version 1, sampling 300 s, reporting 600 s, disaster.
    private static readonly byte[] _frameMdExample = [0xA4, 0x01, 0x01, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x19, 0x02, 0x58, 0x04, 0xF5];

    // Version 0 (the gateway's own), 3600 s / 3600 s, no disaster.
    private static readonly byte[] _normal = [0xA4, 0x01, 0x00, 0x02, 0x19, 0x0E, 0x10, 0x03, 0x19, 0x0E, 0x10, 0x04, 0xF4];

    private sealed class Rig
    {
        public FakeClock Clock { get; } = new() { UtcNowUnixMs = Start + 1000, UptimeMs = 1000 };

        public RecordingUplink Uplink { get; } = new();

        public MemoryStorage Storage { get; } = new(ReadingRing.RequiredBytes(64));

        public PulseMeterConfig Config { get; } = new() { DeviceId = "pm-000009", RingCapacity = 64 };

        public PulseMeterDevice Device { get; private set; } = null!;

        public PulseMeterDevice Boot()
        {
            Device = new PulseMeterDevice(Config, new FakePulseInput(), Clock, Storage, Uplink);
            Device.Start();
            return Device;
        }

        public void Deliver(byte[] payload)
        {
            Uplink.Deliver(Topic, payload);
            Device.Tick();
        }

        public IEnumerable<long> AllFlags() => Uplink.Frames.SelectMany(FrameReader.Read).Select(r => r.Flags);

        /// <summary>Frames sent while the clock runs <paramref name="ms"/> on in one-second ticks.</summary>
        public int FramesOver(long ms)
        {
            var before = Uplink.Frames.Count;
            for (long t = 0; t < ms; t += 1000)
            {
                Clock.Advance(1000);
                Device.Tick();
            }

            return Uplink.Frames.Count - before;
        }
    }

    [Fact]
    public void Poll_FrameMdExample_IntervalsAppliedAtOnce()
    {
        var rig = new Rig();
        var device = rig.Boot();
        Assert.Equal([Topic], rig.Uplink.Subscriptions);
        Assert.Equal((3600, 0), (device.SamplingSeconds, device.ReportingSeconds));

        rig.Deliver(_frameMdExample);

        Assert.Equal((1L, 300, 600, true), (device.Settings.Version, device.SamplingSeconds, device.ReportingSeconds, device.Settings.Disaster));
        Assert.Equal(1, device.Settings.Applied);
    }

    [Fact]
    public void Tick_SettingsArriveInTheTickAReadingFallsDue_ReadingStillTaken()
    {
        // Provisioned hourly sampling: the first reading is due at Start + 1 h. The gateway's document (same hourly
        // intervals) arrives in exactly that tick; the reading must be taken then, not pushed to Start + 2 h.
        var rig = new Rig();
        var device = rig.Boot();
        var before = device.NextSeq;
        rig.Clock.Advance(Hour - 1000);

        rig.Deliver(_normal);

        Assert.Equal(3600, device.SamplingSeconds);
        Assert.Equal(before + 1, device.NextSeq);
    }

    [Fact]
    public void Tick_NormalThenDisaster_FramesPerHourFromOneToSix()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Deliver(_normal);
        rig.FramesOver(Hour); // to the first hour boundary and past it

        Assert.Equal(1, rig.FramesOver(Hour));
        rig.Deliver(_frameMdExample);
        rig.FramesOver(Hour - 2000); // partial hour after the switch
        var perHour = rig.FramesOver(Hour);

        // 600 s reporting: six frames an hour, each with the two readings of 300 s sampling.
        Assert.Equal(6, perHour);
        var last = FrameReader.Read(rig.Uplink.Frames[^1]);
        Assert.Equal(2, last.Count);
        Assert.Equal(300, last[1].Time - last[0].Time);
        Assert.Equal((1L, 300L, 600L), (last[0].Cfg, last[0].Si, last[0].Ri));
    }

    [Fact]
    public void Start_AfterReboot_KeptSettingsInForceBeforeAnyMessage()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Deliver(_frameMdExample);

        var rebooted = rig.Boot();

        Assert.True(rebooted.Settings.HasSettings);
        Assert.Equal((1L, 300, 600, true), (rebooted.Settings.Version, rebooted.SamplingSeconds, rebooted.ReportingSeconds, rebooted.Settings.Disaster));
    }

    [Fact]
    public void Start_NewerCopyTornByPowerCut_OlderCopyInForce()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Deliver(_normal);                // generation 1: the second copy (offset 112)
        rig.Deliver(_frameMdExample);        // generation 2: the first copy (offset 96)

        // Tear the newer copy: flip a byte of its sampling interval.
        var torn = new byte[1];
        rig.Storage.Read(DeviceState.RegionBytes + 8, torn, 0, 1);
        torn[0] ^= 0x40;
        rig.Storage.Write(DeviceState.RegionBytes + 8, torn, 0, 1);
        var rebooted = rig.Boot();

        Assert.Equal((0L, 3600, 3600), (rebooted.Settings.Version, rebooted.SamplingSeconds, rebooted.ReportingSeconds));
    }

    public static TheoryData<byte[], int> BadMessages => new()
    {
        { [0x01, 0x02], SettingsRejections.Malformed },                                                                  // not a map
        { [0xBF, 0x01, 0x01, 0xFF], SettingsRejections.Malformed },                                                      // indefinite map
        { [0xA3, 0x01, 0x02, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x19, 0x02, 0x58, 0x00], SettingsRejections.Malformed },       // trailing byte
        { [0xA3, 0x01, 0x02, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x19, 0x02], SettingsRejections.Malformed },                   // truncated
        { [0xA2, 0x01, 0x02, 0x02, 0x19, 0x01, 0x2C], SettingsRejections.MissingKey },                                    // no reporting
        { [0xA3, 0x01, 0x02, 0x02, 0x09, 0x03, 0x19, 0x02, 0x58], SettingsRejections.OutOfRange },                        // sampling 9 s
        { [0xA3, 0x01, 0x02, 0x02, 0x1A, 0x00, 0x01, 0x51, 0x81, 0x03, 0x1A, 0x00, 0x01, 0x51, 0x81], SettingsRejections.OutOfRange }, // 86401 s
        { [0xA3, 0x01, 0x02, 0x02, 0x19, 0x02, 0x58, 0x03, 0x19, 0x01, 0x2C], SettingsRejections.OutOfRange },            // reporting < sampling
        { [0xA3, 0x01, 0x02, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x1A, 0x00, 0x09, 0x3A, 0x81], SettingsRejections.OutOfRange }, // reporting 604801 s
        { [0xA3, 0x01, 0x02, 0x02, 0x63, 0x33, 0x30, 0x30, 0x03, 0x19, 0x02, 0x58], SettingsRejections.WrongType },       // sampling "300"
        { [0xA4, 0x01, 0x02, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x19, 0x02, 0x58, 0x04, 0x01], SettingsRejections.WrongType }, // disaster 1
        { [0xA4, 0x01, 0x02, 0x01, 0x03, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x19, 0x02, 0x58], SettingsRejections.MissingKey }, // version twice
        { [0xA3, 0x01, 0x00, 0x02, 0x19, 0x01, 0x2C, 0x03, 0x19, 0x02, 0x58], SettingsRejections.OlderVersion },          // version 0 after 1
        { new byte[200], SettingsRejections.TooLarge },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public void Poll_BadMessage_CountedWithReasonLastGoodStays(byte[] payload, int reason)
    {
        var rig = new Rig();
        var device = rig.Boot();
        rig.Deliver(_frameMdExample);

        rig.Deliver(payload);

        Assert.Equal((1, reason), (device.Settings.Rejected, device.Settings.LastRejection));
        Assert.Equal((1L, 300, 600, true), (device.Settings.Version, device.SamplingSeconds, device.ReportingSeconds, device.Settings.Disaster));
        Assert.Equal((1L, 300, 600), (rig.Boot().Settings.Version, rig.Device.SamplingSeconds, rig.Device.ReportingSeconds));
    }

    [Fact]
    public void Poll_UnknownKeysAndNoDisasterKey_Skipped()
    {
        var rig = new Rig();
        var device = rig.Boot();

        // Key 9 with a nested array [1, "x", h'00'] and key 5 with a map {1: 2.5 (f64)}, then keys 3, 1, 2 in another order.
        byte[] payload =
        [
            0xA5,
            0x09, 0x83, 0x01, 0x61, 0x78, 0x41, 0x00,
            0x05, 0xA1, 0x01, 0xFB, 0x40, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x03, 0x19, 0x07, 0x08,
            0x01, 0x18, 0x2A,
            0x02, 0x18, 0x3C,
        ];
        rig.Deliver(payload);

        Assert.Equal(0, device.Settings.Rejected);
        Assert.Equal((42L, 60, 1800, false), (device.Settings.Version, device.SamplingSeconds, device.ReportingSeconds, device.Settings.Disaster));
    }

    [Fact]
    public void Tick_LongReportingInterval_SentWhenHalfTheRingWaits()
    {
        var rig = new Rig();
        rig.Config.MaxReadingsPerFrame = 24;
        var device = rig.Boot();

        // Sampling 10 s, reporting a week: 60480 readings would overflow a 64-slot ring without the full-frame rule.
        rig.Deliver([0xA3, 0x01, 0x03, 0x02, 0x0A, 0x03, 0x1A, 0x00, 0x09, 0x3A, 0x80]);
        rig.FramesOver(Hour);

        Assert.Equal(604800, device.ReportingSeconds);
        Assert.NotEmpty(rig.Uplink.Frames);
        Assert.All(rig.Uplink.Frames, f => Assert.Equal(24, FrameReader.Read(f).Count));
        Assert.InRange(device.PendingCount, 8, 31);
        Assert.DoesNotContain(rig.AllFlags(), f => (f & ReadingFlags.LostBefore) != 0);
    }
}
