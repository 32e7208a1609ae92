using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Storage;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.App;

/// <summary>The clock fields a device sends (FRAME.md, "Clock") and its schedule across a clock sync.</summary>
public sealed class PulseMeterClockTests
{
    private const long Hour = 3_600_000;
    private const long Y2000 = 946_684_800_000;   // 2000-01-01T00:00:00Z: an RTC that lost its time
    private const long Real = 1_764_028_800_000;  // 2025-11-25T00:00:00Z

    private static (PulseMeterDevice Device, FakeClock Clock, RecordingUplink Uplink) Boot(long wallMs, int quality)
    {
        var clock = new FakeClock { UtcNowUnixMs = wallMs, UptimeMs = 5_000, Quality = quality };
        var uplink = new RecordingUplink();
        var config = new PulseMeterConfig { DeviceId = "pm-000009", RingCapacity = 64 };
        var device = new PulseMeterDevice(config, new FakePulseInput(), clock, new MemoryStorage(ReadingRing.RequiredBytes(64)), uplink);
        device.Start();
        return (device, clock, uplink);
    }

    private static void ToNextHour(PulseMeterDevice device, FakeClock clock)
    {
        clock.Advance((((clock.UtcNowUnixMs / Hour) + 1) * Hour) - clock.UtcNowUnixMs);
        device.Tick();
    }

    [Fact]
    public void Tick_UnsyncedClock_FramesSayNowAndUnsyncedWithoutStep()
    {
        var (device, clock, uplink) = Boot(Y2000 + 1_000, ClockQualities.RtcUnsynced);
        device.Tick();
        ToNextHour(device, clock);

        var first = FrameReader.Read(uplink.Frames.Single())[0];
        Assert.Equal("rtc-unsynced", first.Cq);
        Assert.Equal(1L, first.Boot);
        Assert.Equal((Y2000 + Hour) / 1000, first.Now);
        Assert.Equal("rtc-unsynced", first.Nq);
        Assert.Null(first.Step);
    }

    [Fact]
    public void Tick_ClockSyncedAfterUnsyncedReadings_LaterFramesCarryTheExactStep()
    {
        var (device, clock, uplink) = Boot(Y2000 + 1_000, ClockQualities.RtcUnsynced);
        uplink.Reachable = false;
        device.Tick();
        ToNextHour(device, clock);
        ToNextHour(device, clock);

        // NTP sets the clock: wall time jumps to the real time, uptime runs on.
        const long minutes = 17 * 60_000;
        clock.UtcNowUnixMs = Real + minutes;
        clock.Quality = ClockQualities.Ntp;
        uplink.Reachable = true;
        device.Tick();
        ToNextHour(device, clock);

        var records = uplink.Frames.SelectMany(FrameReader.Read).ToList();
        Assert.Equal(["rtc-unsynced", "rtc-unsynced", "ntp"], records.Select(r => r.Cq));
        var firstOfLastFrame = FrameReader.Read(uplink.Frames[^1])[0];
        var stepMs = Real + minutes - (Y2000 + (2 * Hour));
        Assert.Equal(stepMs, firstOfLastFrame.Step);
        Assert.Equal(1L, firstOfLastFrame.Boot);
        Assert.Equal("ntp", firstOfLastFrame.Nq);

        // Corrected with the step, the unsynced readings land on 00:00 + 1 h and + 2 h of the real day minus 17 min.
        var firstReadingMs = ((records[0].BaseTime ?? 0) + records[0].Time) * 1000;
        Assert.Equal(Real + minutes - Hour, firstReadingMs + stepMs);
    }

    [Fact]
    public void Tick_ClockWasAheadAndSyncsBack_ReadingsFollowTheNewClockWithinTheHour()
    {
        var (device, clock, uplink) = Boot(Real + (5 * 365 * 24 * Hour), ClockQualities.RtcUnsynced);
        device.Tick();
        clock.UtcNowUnixMs = Real + 60_000;
        clock.Quality = ClockQualities.Gnss;
        device.Tick();

        ToNextHour(device, clock);

        var record = uplink.Frames.SelectMany(FrameReader.Read).Single();
        Assert.Equal((Real + Hour) / 1000, record.BaseTime + record.Time);
        Assert.Equal("gnss", record.Cq);
    }

    [Fact]
    public void Tick_SyncedFromBoot_NeverSendsStep()
    {
        var (device, clock, uplink) = Boot(Real + 1_000, ClockQualities.Ntp);
        device.Tick();
        ToNextHour(device, clock);
        ToNextHour(device, clock);

        Assert.All(uplink.Frames.Select(f => FrameReader.Read(f)[0]), r => Assert.Null(r.Step));
    }
}
