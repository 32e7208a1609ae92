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
