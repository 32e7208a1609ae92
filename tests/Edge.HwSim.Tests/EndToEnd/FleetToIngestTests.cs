using Edge.HwSim.Demo;
using Edge.HwSim.Fleet;
using Xunit.Abstractions;

namespace Edge.HwSim.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class FleetToIngestTests(ITestOutputHelper output) : IDisposable
{
    private const long Hour = 3_600_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-e2e-").FullName;

    [Fact]
    public async Task Run_50Meters48Hours_EveryReadingArrivesExactlyOnceWithRightVolume()
    {
        var fleetOptions = new FleetOptions { Meters = 50, Seed = 11, MqttPort = PortFinder.FreeTcpPort() };
        await using var stack = await SimStack.StartAsync(new StackOptions { DataDir = _dir, Fleet = fleetOptions, IngestPort = PortFinder.FreeTcpPort() });
        using var fleet = new PulseMeterFleet(fleetOptions);

        fleet.Run(fleetOptions.StartUnixMs + (48 * Hour), TimeSpan.FromHours(1));
        await FinishAndVerifyAsync(fleet, stack, fleetOptions.StartUnixMs + (49 * Hour));
        Assert.Equal(50 * 49, fleet.ReadingsTaken);
    }

    [Fact]
    public async Task Run_GatewayRestartedAndIngestDownMidRun_NothingLostNothingDuplicated()
    {
        var fleetOptions = new FleetOptions { Meters = 50, Seed = 12, MqttPort = PortFinder.FreeTcpPort() };
        await using var stack = await SimStack.StartAsync(new StackOptions { DataDir = _dir, Fleet = fleetOptions, IngestPort = PortFinder.FreeTcpPort(), BatchMaxReadings = 40 });
        using var fleet = new PulseMeterFleet(fleetOptions);
        var start = fleetOptions.StartUnixMs;

        fleet.Run(start + (12 * Hour), TimeSpan.FromHours(1));
        await stack.StopGatewayAsync();                        // gateway gone: meters buffer
        fleet.Run(start + (18 * Hour), TimeSpan.FromHours(1));
        await stack.StartGatewayAsync();
        fleet.Run(start + (24 * Hour), TimeSpan.FromHours(1));
        await stack.StopIngestAsync();                         // ingest unreachable: the gateway buffers
        fleet.Run(start + (30 * Hour), TimeSpan.FromHours(1));
        await stack.StopGatewayAsync();                        // and the gateway restarts while it is away
        await stack.StartGatewayAsync();
        fleet.Run(start + (34 * Hour), TimeSpan.FromHours(1));
        await stack.StartIngestAsync();
        fleet.Run(start + (48 * Hour), TimeSpan.FromHours(1));
        await FinishAndVerifyAsync(fleet, stack, start + (49 * Hour));
    }

    [Fact]
    public async Task Run_GatewayProcessKilledTwiceMidRun_NothingLostNothingDuplicated()
    {
        var fleetOptions = new FleetOptions { Meters = 50, Seed = 13, MqttPort = PortFinder.FreeTcpPort() };
        await using var stack = await SimStack.StartAsync(new StackOptions
        {
            DataDir = _dir,
            Fleet = fleetOptions,
            IngestPort = PortFinder.FreeTcpPort(),
            GatewayOutOfProcess = true,
            BatchMaxReadings = 40,
        });
        using var fleet = new PulseMeterFleet(fleetOptions);
        var start = fleetOptions.StartUnixMs;

        // Kill while the meters publish: some frames are committed but their PUBACK never leaves.
        var publishing = Task.Run(() => fleet.Run(start + (16 * Hour), TimeSpan.FromHours(1)));
        await Task.Delay(300);
        await stack.KillGatewayAsync();
        await publishing;
        fleet.Run(start + (20 * Hour), TimeSpan.FromHours(1));
        await stack.StartGatewayAsync();
        fleet.Run(start + (26 * Hour), TimeSpan.FromHours(1));
        await stack.StopIngestAsync();
        fleet.Run(start + (30 * Hour), TimeSpan.FromHours(1));
        await stack.KillGatewayAsync();                        // killed with batches pending for the ingest
        await stack.StartGatewayAsync();
        fleet.Run(start + (33 * Hour), TimeSpan.FromHours(1));
        await stack.StartIngestAsync();
        fleet.Run(start + (48 * Hour), TimeSpan.FromHours(1));
        await FinishAndVerifyAsync(fleet, stack, start + (49 * Hour));
    }

    [Fact]
    public async Task Run_ClocksUnsyncedForTenHours_IngestHoldsTheTrueTimesAndTheDeviceTimes()
    {
        // 8 of 20 meters boot with a real-time clock 9801 days 12:17:23 behind (a module back at its
        // 2000-01-01 epoch) and get NTP time 10 h later. (Whole seconds: frames carry times in seconds, so a
        // sub-second offset would leave the corrected times that fraction off the hour.) The gateway is unreachable until then, so every frame
        // carrying their unsynced readings also carries the step the clock took (FRAME.md, "Clock").
        var offset = -(TimeSpan.FromDays(9_801) + new TimeSpan(0, 12, 17, 23));
        var fleetOptions = new FleetOptions
        {
            Meters = 20, Seed = 14, MqttPort = PortFinder.FreeTcpPort(), UnsyncedMeters = 8, UnsyncedRtcOffset = offset, SyncAfter = TimeSpan.FromHours(10),
        };
        await using var stack = await SimStack.StartAsync(new StackOptions { DataDir = _dir, Fleet = fleetOptions, IngestPort = PortFinder.FreeTcpPort() });
        await stack.StopGatewayAsync();
        using var fleet = new PulseMeterFleet(fleetOptions);
        var start = fleetOptions.StartUnixMs;

        fleet.Run(start + (12 * Hour), TimeSpan.FromHours(1));
        await stack.StartGatewayAsync();
        fleet.Run(start + (24 * Hour), TimeSpan.FromHours(1));

        // Ground truth at the corrected time proves the correction exact: a reading left at its device time
        // (in 2000) or off by any amount would not match the meter's pulses at that instant.
        await FinishAndVerifyAsync(fleet, stack, start + (25 * Hour));
        using var http = new HttpClient();
        for (var i = 0; i < fleet.Nodes.Count; i++)
        {
            var id = fleet.Nodes[i].Config.DeviceId;
            var readings = await IngestReadings.GetAsync(http, stack.IngestUrl, stack.Options.ReaderKey, id);
            var corrected = readings.Where(r => r.ClockQuality == "gateway").ToList();
            if (i < 8)
            {
                // Readings on the hours 1..9 were taken before the sync at hour 10.
                Assert.Equal(9, corrected.Count);
                Assert.All(corrected, r => Assert.Equal(offset, r.DeviceObservedAt!.Value - r.ObservedAt));
                Assert.All(corrected, r => Assert.Equal(0, r.ObservedAt.ToUnixTimeMilliseconds() % Hour));
            }
            else
            {
                Assert.Empty(corrected);
                Assert.All(readings, r => Assert.Null(r.DeviceObservedAt));
            }
        }
    }

    // Stop the water, take one more reading once every register has settled, send everything and check
    // that the ingest holds every reading exactly once with the ground-truth volume.
    private async Task FinishAndVerifyAsync(PulseMeterFleet fleet, SimStack stack, long finalReadingUnixMs)
    {
        foreach (var node in fleet.Nodes)
        {
            node.WaterOff = true;
        }

        fleet.AdvanceTo(finalReadingUnixMs);
        Assert.True(fleet.Drain(), "meters still hold readings");
        Assert.True(await stack.WaitForIngestAsync(fleet.ReadingsTaken, TimeSpan.FromSeconds(90)), "ingest did not receive everything");

        var stats = await stack.GetStatsAsync();
        output.WriteLine($"taken={fleet.ReadingsTaken} stored={stats.Readings} dupReadings={stats.DuplicateReadings} batches={stats.Batches} dupBatches={stats.DuplicateBatches}");
        Assert.Equal(fleet.ReadingsTaken, stats.Readings);
        await FleetAssertions.AllReadingsExactlyOnceAsync(fleet, stack.IngestUrl, stack.Options.ReaderKey);

        // The stack seeds the registry with its fleet: nothing of it is quarantined.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", stack.Options.ReaderKey);
        using var quarantine = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(stack.IngestUrl + "/v1/admin/quarantine")));
        Assert.Equal(0, quarantine.RootElement.GetProperty("devices").GetArrayLength());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host: the temp folder is cleaned up later.
        }
    }
}
