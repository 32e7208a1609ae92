using System.Globalization;
using Edge.Gateway.Hosting;
using Edge.HwSim.Demo;
using Edge.HwSim.Fleet;
using Edge.HwSim.Iridium;
using Xunit.Abstractions;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>The real gateway with its uplink on the Iridium link: store → batch → 9603 (virtual) → endpoint → real ingest.</summary>
[Collection(IridiumCollection.Name)]
public sealed class GatewayOverIridiumTests(ITestOutputHelper output) : IDisposable
{
    private const long Hour = 3_600_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-sbd-gw-").FullName;

    [Fact]
    public async Task Gateway_UplinkOnVirtual9603WithFailingSessions_EveryReadingStoredOnce()
    {
        var fleetOptions = new FleetOptions { Meters = 20, Seed = 21, MqttPort = PortFinder.FreeTcpPort() };
        await using var stack = await SimStack.StartAsync(new StackOptions
        {
            DataDir = _dir, Fleet = fleetOptions, IngestPort = PortFinder.FreeTcpPort(), BatchMaxReadings = 200,
        });
        await stack.StopGatewayAsync();

        // The modem's sessions run in scaled time (10-20 s → 10-20 ms); the gateway runs on the real clock with its
        // link waits shortened to match.
        var time = new ScaledTimeProvider(1000, DateTimeOffset.UtcNow);
        using var modem = new Virtual9603(new Virtual9603Options { FailureRate = 0.2, Seed = 7 }, time);
        modem.Start();
        await using var endpoint = new VirtualSbdEndpoint(modem, stack.IngestUrl, stack.Options.GatewayKey, time);
        using var gateway = GatewayHost.Build(
        [
            "--config", stack.GatewayConfigPath,
            "--Logging:LogLevel:Default=Warning",
            "--Edge:Gateway:Links:Iridium:Port=" + modem.PortPath,
            "--Edge:Gateway:Links:Iridium:MinBackoff=00:00:00.010",
            "--Edge:Gateway:Links:Iridium:MaxBackoff=00:00:00.300",
            "--Edge:Gateway:Links:Iridium:RetryLaterDelay=00:00:00.180",
            "--Edge:Gateway:Links:Iridium:SignalPollInterval=00:00:00.020",
            "--Edge:Gateway:Links:Iridium:AckTimeout=00:00:10",
        ]);
        await gateway.StartAsync();
        using var fleet = new PulseMeterFleet(fleetOptions);

        fleet.Run(fleetOptions.StartUnixMs + (24 * Hour), TimeSpan.FromHours(1));
        Assert.True(fleet.Drain(), "meters still hold readings");
        Assert.True(await stack.WaitForIngestAsync(fleet.ReadingsTaken, TimeSpan.FromSeconds(60)), "ingest did not receive everything over the satellite link");
        await gateway.StopAsync();

        var stats = await stack.GetStatsAsync();
        Assert.Equal(fleet.ReadingsTaken, stats.Readings);
        Assert.Null(modem.Fault);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"readings {fleet.ReadingsTaken}, batches at the ingest {stats.Batches} (duplicates {stats.DuplicateBatches}), duplicate readings {stats.DuplicateReadings}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MO messages {modem.MoDelivered} ({modem.MoBytes} bytes over the air), MT {modem.MtBytes} bytes; sessions {modem.Sessions}, failed {modem.FailedSessions}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serial wire {modem.WireBytes} bytes = {(double)modem.WireBytes / fleet.ReadingsTaken:F1} per reading"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host: the temp folder is cleaned up later.
        }
    }
}
