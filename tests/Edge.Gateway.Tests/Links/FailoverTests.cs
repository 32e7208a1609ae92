using System.Globalization;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;
using Xunit.Abstractions;

namespace Edge.Gateway.Tests.Links;

/// <summary>
/// Issue 6 failover: 5G (IP link on lo through a relay that can be cut) and Iridium (virtual 9603 on a pty), the
/// real store, batcher and uplink, in simulated time running 25× the wall clock.
/// </summary>
[Collection(LinksCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output) : IDisposable
{
    private const int Devices = 10;
    private static readonly TimeSpan Hysteresis = TimeSpan.FromMinutes(2);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Uplink_FiveGFailsFlapsAndReturns_AlarmsOnSatelliteInSecondsBulkWaitsThenDrainsOnFiveG()
    {
        var fiveG = new LinkPolicyOptions { Hysteresis = Hysteresis };
        var satellite = new LinkPolicyOptions { Allow = TrafficClass.Alarm | TrafficClass.Status | TrafficClass.Gap, CostPerByte = 0.001 };
        await using var stack = await LinkStack.StartAsync(_dir.Path, 25, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), o =>
        {
            o.Batch.MaxDelay = TimeSpan.FromSeconds(10);
            o.Uplink.MinBackoff = TimeSpan.FromSeconds(1);
            o.Uplink.MaxBackoff = TimeSpan.FromSeconds(5);
        }, fiveG, satellite);
        using var stop = new CancellationTokenSource();
        var written = new List<(string Device, long Seq)>();
        var meters = Task.Run(() => MetersAsync(stack, written, stop.Token));
        var moTimes = new List<DateTimeOffset>();
        stack.Modem!.MoReceived += (_, _) =>
        {
            lock (moTimes)
            {
                moTimes.Add(stack.Now);
            }
        };

        // 1. 5G up: readings go on 5G, the satellite stays silent.
        await UntilAsync(stack, () => ReadingsAt(stack.FiveGIngest!) >= 30, TimeSpan.FromMinutes(10), "readings over 5G");
        Assert.Equal(0, stack.Modem!.MoDelivered);

        // 2. 5G fails mid-stream; an alarm follows a few simulated seconds later.
        stack.Relay!.SetCut(true);
        var cutAt = stack.Now;
        await DelaySimAsync(stack, TimeSpan.FromSeconds(3));
        var alarmAt = stack.Now;
        await stack.WriteAsync([], [new EventRecord("pm-000001", 9001, alarmAt.ToUnixTimeMilliseconds(), "tamper", "seq 9001", alarmAt.ToUnixTimeMilliseconds(), DataClass.Alarm)]);
        var cutAfter = TimeSpan.Zero;
        await UntilAsync(stack, () =>
        {
            if (cutAfter == TimeSpan.Zero && stack.Ledger.PendingWithClasses().Any(p => (p.Classes & TrafficClass.Alarm) != 0))
            {
                cutAfter = stack.Now - alarmAt;
            }

            return Alarms(stack.SatelliteIngest!) >= 1;
        }, TimeSpan.FromMinutes(5), "the alarm over the satellite");
        var alarmDelivered = stack.Now;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm batch cut {cutAfter.TotalSeconds:F1} s after the alarm; MO messages at +{string.Join(", ", moTimes.Select(t => (t - alarmAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s; sessions {stack.Modem.Sessions}, statuses {string.Join(",", stack.Modem.SessionStatuses)}"));
        var fiveGBatchesAtCut = stack.FiveGIngest!.Received.Count;

        // 3. 5G flaps for 3 minutes (up 15 s, down 15 s): bulk must not go back to it.
        var flapStart = stack.Now;
        for (var i = 0; i < 6; i++)
        {
            stack.Relay.SetCut(false);
            await DelaySimAsync(stack, TimeSpan.FromSeconds(15));
            stack.Relay.SetCut(true);
            await DelaySimAsync(stack, TimeSpan.FromSeconds(15));
        }

        var readingBatchesWhileFlapping = stack.FiveGIngest.Received.Skip(fiveGBatchesAtCut).Count(b => b.Status == 200 && b.Batch!.Devices.Count > 0);
        Assert.Equal(0, readingBatchesWhileFlapping);
        Assert.True(stack.Ledger.PendingCount() + WaitingReadings(stack) > 0, "readings should be waiting for 5G");

        // 4. 5G returns and stays: after the hysteresis the backlog drains on 5G.
        stack.Relay.SetCut(false);
        var backAt = stack.Now;
        var before = stack.FiveGIngest.Received.Count;
        await UntilAsync(stack, () => stack.FiveGIngest.Received.Skip(before).Any(b => b.Status == 200 && b.Batch!.Devices.Count > 0), TimeSpan.FromMinutes(20), "bulk on 5G again");
        var bulkBackAt = stack.Now;
        await stop.CancelAsync();
        await meters;
        await UntilAsync(stack, () => stack.Ledger.PendingCount() == 0 && WaitingReadings(stack) == 0, TimeSpan.FromMinutes(30), "the backlog to drain");

        // Nothing was lost, no reading ever crossed the satellite.
        var satelliteBatches = stack.SatelliteIngest!.Received.Where(b => b.Batch is not null).ToList();
        Assert.All(satelliteBatches, b => Assert.Empty(b.Batch!.Devices));
        var delivered = stack.FiveGIngest.Received.Where(b => b.Status == 200)
            .SelectMany(b => b.Batch!.Devices.SelectMany(d => d.Channels.SelectMany(c => c.Points.Select(p => (d.DeviceId, p.Seq)))))
            .ToHashSet();
        Assert.Equal(written.ToHashSet(), delivered);
        Assert.True(bulkBackAt - backAt >= Hysteresis, $"bulk returned after {bulkBackAt - backAt}");
        Assert.True(alarmDelivered - alarmAt < TimeSpan.FromMinutes(1), $"alarm took {alarmDelivered - alarmAt}");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"5G cut at {cutAt:HH:mm:ss}; alarm stored {(alarmAt - cutAt).TotalSeconds:F1} s later; at the satellite's ingest {(alarmDelivered - alarmAt).TotalSeconds:F1} s after it was stored (simulated)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flapping {flapStart:HH:mm:ss}+3 min: {readingBatchesWhileFlapping} reading batches on 5G; 5G back for good at {backAt:HH:mm:ss}, bulk on it {(bulkBackAt - backAt).TotalSeconds:F0} s later (hysteresis {Hysteresis.TotalSeconds:F0} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"readings {written.Count}, all at the 5G ingest; satellite: {satelliteBatches.Count} batches, {stack.Modem.MoDelivered} MO messages, {stack.Modem.WireBytes} serial wire bytes"));
        foreach (var status in stack.Router.Status(stack.Now))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"link {status.Name}: {status.State}, today {status.Usage.DayBytes} bytes, month {status.Usage.MonthBytes}"));
        }
    }

    /// <summary>Ten meters, one reading each per 20 simulated seconds, as frames arriving at the gateway.</summary>
    private static async Task MetersAsync(LinkStack stack, List<(string, long)> written, CancellationToken cancellationToken)
    {
        for (var seq = 1L; !cancellationToken.IsCancellationRequested; seq++)
        {
            var now = stack.Now.ToUnixTimeMilliseconds();
            var rows = Enumerable.Range(1, Devices)
                .Select(d => new ReadingRecord($"pm-{d:D6}", seq, "volume", "l", (seq * 7) + d, 0, now, ClockQuality.Ntp, 0, now, DataClass.Reading))
                .ToList();
            await stack.WriteAsync(rows);
            lock (written)
            {
                written.AddRange(rows.Select(r => (r.Device, r.Seq)));
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(20), stack.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static int ReadingsAt(FakeIngest ingest) =>
        ingest.Received.Where(b => b.Status == 200).Sum(b => b.Batch!.Devices.Sum(d => d.Channels.Sum(c => c.Points.Count)));

    private static int Alarms(FakeIngest ingest) =>
        ingest.Received.Where(b => b.Status == 200).Sum(b => b.Batch!.Events.Count(e => e.Kind == "tamper"));

    private static long WaitingReadings(LinkStack stack) => StoreFile.Scalar(stack.Database.FilePath, "SELECT COUNT(*) FROM readings WHERE batch_seq IS NULL");

    private static Task DelaySimAsync(LinkStack stack, TimeSpan simulated) => Task.Delay(stack.Time.ToReal(simulated));

    /// <summary>Polls every 5 ms of real time (half a simulated second), so the times noted are that precise.</summary>
    private static async Task UntilAsync(LinkStack stack, Func<bool> condition, TimeSpan simulated, string what)
    {
        var deadline = DateTime.UtcNow + stack.Time.ToReal(simulated) + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {simulated} (simulated) waiting for {what}");
            }

            await Task.Delay(5);
        }
    }
}
