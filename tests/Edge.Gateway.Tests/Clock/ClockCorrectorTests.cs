using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;
using Edge.Gateway.Clock;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Clock;

/// <summary>
/// Correction of readings stamped before a device's first clock sync (DESIGN.md, gateway promise 7), against
/// the real store on a temp SQLite file. Expected times are worked out from the frame's clock fields by hand.
/// </summary>
public sealed class ClockCorrectorTests : IDisposable
{
    private const long Y2000 = 946_684_800_000;        // the device's RTC started here after losing power
    private const long Received = 1_764_028_800_000;   // 2025-11-25T00:00:00Z, when the gateway received the frame
    private const long Hour = 3_600_000;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ReadingRecord Unsynced(long seq, long deviceMs, long receivedMs = Received) =>
        new("dev-01", seq, "volume", "l", seq * 10, 0, deviceMs, ClockQuality.RtcUnsynced, 0, receivedMs, DataClass.Reading);

    private static FrameClock UnsyncedNow(long boot, long deviceNowMs) => new(boot, deviceNowMs / 1000, ClockQualities.RtcUnsynced, null);

    private ClockCorrector NewCorrector(TestStore store) => new(new ClockEpochStore(store.Database));

    [Fact]
    public void Correct_UnsyncedClockWithNow_ShiftsByReceiveMinusNowAndKeepsDeviceTime()
    {
        var corrector = NewCorrector(new TestStore(_dir.Path));

        // The device clock reads 2000-01-01T05:00:00 when the gateway's reads 2025-11-25T00:00:00.
        var result = corrector.Correct("dev-01", UnsyncedNow(1, Y2000 + (5 * Hour)), [Unsynced(1, Y2000 + (3 * Hour)), Unsynced(2, Y2000 + (4 * Hour))]);

        Assert.Equal([Received - (2 * Hour), Received - Hour], result.Readings.Select(r => r.ObservedUnixMs));
        Assert.Equal([Y2000 + (3 * Hour), Y2000 + (4 * Hour)], result.Readings.Select(r => r.DeviceUnixMs!.Value));
        Assert.All(result.Readings, r => Assert.Equal(ClockQuality.Gateway, r.ClockQuality));
        Assert.Equal(new ClockEpoch("dev-01", 1, Received - Y2000 - (5 * Hour), false, 2), result.Epoch);
    }

    [Fact]
    public void Correct_StepReported_UsesTheExactStep()
    {
        var corrector = NewCorrector(new TestStore(_dir.Path));
        const long step = 813_340_800_123;

        var result = corrector.Correct("dev-01", new FrameClock(7, Received / 1000, ClockQualities.Ntp, step), [Unsynced(7, Y2000), Unsynced(6, Y2000)]);

        Assert.Equal(Y2000 + step, result.Readings[0].ObservedUnixMs);
        Assert.True(result.Epoch!.Exact);

        // seq 6 is from before this boot and no earlier boot is known: it stays as the device stamped it.
        Assert.Equal((Y2000, ClockQuality.RtcUnsynced, (long?)null), (result.Readings[1].ObservedUnixMs, result.Readings[1].ClockQuality, result.Readings[1].DeviceUnixMs));
    }

    [Fact]
    public void Correct_SyncedReadings_AreLeftAlone()
    {
        var corrector = NewCorrector(new TestStore(_dir.Path));
        var synced = Unsynced(3, Received - Hour) with { ClockQuality = ClockQuality.Ntp };

        var result = corrector.Correct("dev-01", new FrameClock(1, Received / 1000, ClockQualities.Ntp, 42_000), [synced]);

        Assert.Equal(synced, result.Readings.Single());
    }

    [Fact]
    public void Correct_ReadingOfAnEarlierBoot_CorrectedOnlyWithinWhatThatBootShowed()
    {
        var corrector = NewCorrector(new TestStore(_dir.Path));
        corrector.Correct("dev-01", UnsyncedNow(10, Y2000 + (5 * Hour)), [Unsynced(10, Y2000), Unsynced(11, Y2000 + Hour), Unsynced(12, Y2000 + (2 * Hour))]);

        // The device rebooted (boot 20, clock unsynced again, another offset) and sends 12 and 13 from before.
        var result = corrector.Correct("dev-01", UnsyncedNow(20, Y2000 + Hour), [Unsynced(12, Y2000 + (2 * Hour)), Unsynced(13, Y2000 + (3 * Hour)), Unsynced(20, Y2000)]);

        Assert.Equal(Received - (3 * Hour), result.Readings[0].ObservedUnixMs);   // boot 10's offset: received − 05:00
        Assert.Equal(ClockQuality.RtcUnsynced, result.Readings[1].ClockQuality);  // 13 was never seen in boot 10
        Assert.Equal(Received - Hour, result.Readings[2].ObservedUnixMs);         // boot 20's offset: received − 01:00
    }

    [Fact]
    public void Correct_FirstEstimateStaysForTheBoot_LaterNowDoesNotMoveIt()
    {
        var corrector = NewCorrector(new TestStore(_dir.Path));
        corrector.Correct("dev-01", UnsyncedNow(1, Y2000 + Hour), [Unsynced(1, Y2000)]);

        // An hour later the device's clock reads 3 s more than the hour (drift or latency): same boot, same offset.
        var later = corrector.Correct("dev-01", UnsyncedNow(1, Y2000 + (2 * Hour) + 3_000), [Unsynced(2, Y2000 + Hour, Received + Hour)]);

        Assert.Equal(Received, later.Readings[0].ObservedUnixMs);
        Assert.False(later.Refined);
    }

    [Fact]
    public async Task Correct_EstimateThenStep_StoredUnsentRowsTakeTheExactOffset()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(default);
        var corrector = NewCorrector(store);
        var first = corrector.Correct("dev-01", UnsyncedNow(1, Y2000 + (2 * Hour) + 5_000), [Unsynced(1, Y2000), Unsynced(2, Y2000 + Hour)]);
        await store.Writer.AppendAsync(new StoredFrame(first.Readings, []) { Epoch = first.Epoch, EpochRefined = first.Refined }, default);

        // The device syncs: its clock stepped by exactly Received − (Y2000 + 2 h); the estimate was 5 s off.
        const long step = Received - (Y2000 + (2 * Hour));
        var second = corrector.Correct("dev-01", new FrameClock(1, Received / 1000, ClockQualities.Ntp, step), [Unsynced(3, Y2000 + (2 * Hour)) with { ClockQuality = ClockQuality.Ntp, ObservedUnixMs = Received }]);
        await store.Writer.AppendAsync(new StoredFrame(second.Readings, []) { Epoch = second.Epoch, EpochRefined = second.Refined }, default);
        await store.Writer.StopAsync(default);

        Assert.True(second.Refined);
        var rows = StoreFile.Scalars(Path.Combine(_dir.Path, GatewayDatabase.FileName), "SELECT observed_ms FROM readings ORDER BY seq");
        Assert.Equal([Received - (2 * Hour), Received - Hour, Received], rows);
        Assert.Equal([Y2000, Y2000 + Hour], StoreFile.Scalars(Path.Combine(_dir.Path, GatewayDatabase.FileName), "SELECT device_ms FROM readings WHERE device_ms IS NOT NULL ORDER BY seq"));
    }

    [Fact]
    public async Task Correct_AfterRestart_KnowsTheBootsOfBefore()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(default);
        var first = NewCorrector(store).Correct("dev-01", UnsyncedNow(1, Y2000 + Hour), [Unsynced(1, Y2000)]);
        await store.Writer.AppendAsync(new StoredFrame(first.Readings, []) { Epoch = first.Epoch }, default);
        await store.Writer.StopAsync(default);

        // A new gateway process: seq 1 again (a retransmission) and the device now on its next boot.
        var again = NewCorrector(new TestStore(_dir.Path)).Correct("dev-01", UnsyncedNow(2, Y2000), [Unsynced(1, Y2000)]);

        Assert.Equal(Received - Hour, again.Readings[0].ObservedUnixMs);
    }

    [Fact]
    public void Correct_CorrectionOutsideTheCalendar_LeavesTheReading()
    {
        var corrector = NewCorrector(new TestStore(_dir.Path));
        var farPast = Unsynced(1, BatchLimits.MinUnixMs + 1000);

        var result = corrector.Correct("dev-01", new FrameClock(1, Received / 1000, ClockQualities.Ntp, -10_000), [farPast]);

        Assert.Equal(farPast, result.Readings.Single());
    }
}
