using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Metering;
using Edge.Firmware.Storage;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.App;

public class PulseMeterDeviceTests
{
    private const long Hour = 3_600_000;
    private const long Start = 1_764_028_800_000; // 2025-11-25T00:00:00Z, on the hour

    private sealed class Rig
    {
        public FakeClock Clock { get; } = new() { UtcNowUnixMs = Start + 1000, UptimeMs = 1000 };

        public FakePulseInput Input { get; } = new();

        public RecordingUplink Uplink { get; } = new();

        public MemoryStorage Storage { get; } = new(ReadingRing.RequiredBytes(64));

        public PulseMeterConfig Config { get; } = new() { DeviceId = "pm-000007", RingCapacity = 64, MillilitresPerPulse = 10_000 };

        public PulseMeterDevice Device { get; private set; } = null!;

        public PulseMeterDevice Boot()
        {
            Device = new PulseMeterDevice(Config, Input, Clock, Storage, Uplink);
            Device.Start();
            return Device;
        }

        // One turn of the register in the given direction, 2 s per turn, quarter-turn phase between reeds.
        public void Turn(bool forward)
        {
            var (first, second) = forward ? (PulseInputs.ReedA, PulseInputs.ReedB) : (PulseInputs.ReedB, PulseInputs.ReedA);
            Input.Set(first, true, Clock.UptimeMs);
            Clock.Advance(500);
            Input.Set(second, true, Clock.UptimeMs);
            Clock.Advance(500);
            Input.Set(first, false, Clock.UptimeMs);
            Clock.Advance(500);
            Input.Set(second, false, Clock.UptimeMs);
            Clock.Advance(500);
            Device.Tick();
        }

        public void AdvanceToNextHour()
        {
            var next = ((Clock.UtcNowUnixMs / Hour) + 1) * Hour;
            Clock.Advance(next - Clock.UtcNowUnixMs);
            Device.Tick();
        }

        public List<FrameReader.Record> AllRecords() => Uplink.Frames.SelectMany(FrameReader.Read).ToList();
    }

    [Fact]
    public void Tick_HourlyReadings_SendsCumulativeRegisterInLitres()
    {
        var rig = new Rig();
        rig.Boot();
        for (var hour = 0; hour < 3; hour++)
        {
            for (var i = 0; i < 5 * (hour + 1); i++)
            {
                rig.Turn(forward: true);
            }

            rig.AdvanceToNextHour();
        }

        var records = rig.AllRecords();
        // 5, 10 and 15 pulses of 10 L each: registers 50, 150, 300 L.
        Assert.Equal([50.0, 150.0, 300.0], records.Select(r => r.Value));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Seq));
        Assert.Equal("edge/v1/pm-000007/up", rig.Uplink.Topics[0]);
        Assert.Equal(0, rig.Device.PendingCount);
    }

    [Fact]
    public void Tick_UplinkDownForHours_KeepsReadingsAndSendsEachOnceInOrder()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Uplink.Reachable = false;
        for (var hour = 0; hour < 6; hour++)
        {
            rig.Turn(forward: true);
            rig.AdvanceToNextHour();
        }

        Assert.Equal(6, rig.Device.PendingCount);
        Assert.Empty(rig.Uplink.Frames);

        rig.Uplink.Reachable = true;
        rig.Clock.Advance(rig.Config.MaxRetryMs);
        rig.Device.Tick();

        var records = rig.AllRecords();
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], records.Select(r => r.Seq));
        Assert.Equal([10.0, 20.0, 30.0, 40.0, 50.0, 60.0], records.Select(r => r.Value));
        Assert.Equal(0, rig.Device.PendingCount);
    }

    [Fact]
    public void Start_AfterReboot_RegisterAndSequenceContinueAndRebootFlagged()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Turn(true);
        rig.Turn(true);
        rig.AdvanceToNextHour();
        rig.Turn(true); // counted and persisted, but no reading yet

        var rebooted = rig.Boot();
        Assert.Equal(30_000, rebooted.RegisterMl);
        Assert.Equal(2u, rebooted.BootCount);
        rig.AdvanceToNextHour();

        var records = rig.AllRecords();
        Assert.Equal([1L, 2L], records.Select(r => r.Seq));
        Assert.Equal([20.0, 30.0], records.Select(r => r.Value));
        Assert.Equal(ReadingFlags.Reboot, records[1].Flags & ReadingFlags.Reboot);
    }

    [Fact]
    public void Tick_ReverseFlow_CountsDownAndFlagsReverse()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Turn(true);
        rig.Turn(true);
        rig.Turn(true);
        rig.AdvanceToNextHour();
        rig.Turn(false);
        rig.AdvanceToNextHour();

        var records = rig.AllRecords();
        Assert.Equal([30.0, 20.0], records.Select(r => r.Value));
        Assert.Equal(0, records[0].Flags & ReadingFlags.Reverse);
        Assert.Equal(ReadingFlags.Reverse, records[1].Flags & ReadingFlags.Reverse);
    }

    [Fact]
    public void Tick_TamperFired_FlagLatchesOnEveryLaterReading()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Input.Set(PulseInputs.Tamper, true, rig.Clock.UptimeMs);
        rig.Clock.Advance(100);
        rig.Input.Set(PulseInputs.Tamper, false, rig.Clock.UptimeMs);
        rig.AdvanceToNextHour();
        rig.AdvanceToNextHour();
        rig.Boot();
        rig.AdvanceToNextHour();

        var records = rig.AllRecords();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(ReadingFlags.Tamper, r.Flags & ReadingFlags.Tamper));
    }

    [Fact]
    public void Tick_BrokerRefuses_ReadingStaysPending()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Uplink.Reachable = false;
        rig.AdvanceToNextHour();
        Assert.Equal(1, rig.Device.PendingCount);
        Assert.True(rig.Uplink.Attempts <= 1);
        Assert.Equal(2, rig.Device.NextSeq);
    }
}
