using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Echonet;
using Edge.HwSim.Iridium;
using Edge.HwSim.Wisun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Gateway.Tests.Radio;

/// <summary>
/// End to end through a real pty: hw-sim's virtual Wi-SUN module and ECHONET Lite meters → the gateway host's
/// wisun-broute input → its store. Simulated time runs 20 times faster than real time with the module's default
/// (datasheet-like) radio timings. Expected values are computed here from the meter's starting register and its
/// constant load, then truncated to the register's count and scaled by coefficient × unit.
/// </summary>
public sealed class WisunEchonetInputTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly byte[] Id = [0xFE, 0x00, 0x00, 0x16, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x41, 0x42, 0x43, 0x44];

    // The meter samples its register when the request reaches it; the gateway stamps the answer when it arrives, at
    // most the send timeout (EVENT 21, 10 s) plus the answer timeout (10 s) later, in simulated time.
    private const long SampledWithinMs = 20_000;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WisunInput_SmartMeterGoesAwayOverAGridPoint_StoresKwhAndFillsTheGapFromHistory()
    {
        // 00:28 UTC = 09:28 JST: the 09:30 grid point falls in the outage.
        var time = new ScaledTimeProvider(20, new DateTimeOffset(2026, 11, 26, 0, 28, 0, TimeSpan.Zero));
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 12345.6m) { Coefficient = 10, UnitCode = 0x02, EffectiveDigits = 8, PowerWatts = 1200 };
        var radio = new VirtualBrouteMeter();
        using var node = new SimulatedEchonetNode(meter);
        node.AttachTo(radio);
        using var module = new VirtualWisunModule(new VirtualWisunModuleOptions(), radio, time);
        module.Start();
        var startMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var gateway = await StartGatewayAsync(time, radio, module.PortPath, pollInterval: "00:01:00");
        var input = gateway.Services.GetServices<IHostedService>().OfType<WisunBrouteInputService>().Single();
        var device = "echonet-" + Convert.ToHexString(Id);

        // Independent of the meter's stepwise accumulation: kWh at t = start + 1.2 kW × hours; one count = 10 × 0.01 kWh.
        decimal Expected(long unixMs) => decimal.Floor((12345.6m + (1.2m * (unixMs - meter.StartedUnixMs) / 3_600_000m)) / 0.1m) * 0.1m;

        await Wait.UntilAsync(() => Energy(gateway, device).Count >= 1, TimeSpan.FromSeconds(60), "the first cumulative read");
        var first = Energy(gateway, device)[0];
        var joinMs = input.Link!.Client.LastConnectMs;
        output.WriteLine($"simulated: join {joinMs} ms, input start to first stored cumulative {first.ObservedMs - startMs} ms");
        Assert.Equal("kWh", first.Unit);
        AssertRead(Value(first), Expected(first.ObservedMs - SampledWithinMs), Expected(first.ObservedMs), 0.1m);

        // The meter goes out of range: failed sends, session lost, scans; it is back after the 09:30 grid point.
        var scansBefore = module.Scans;
        var goneMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        radio.Present = false;
        await Wait.UntilAsync(() => module.Scans > scansBefore, TimeSpan.FromSeconds(60), "the input to notice the meter is gone");
        var noticedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var grid = new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await Wait.UntilAsync(() => time.GetUtcNow().ToUnixTimeMilliseconds() > grid + 30_000, TimeSpan.FromSeconds(60), "the grid point to pass");
        var backMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        radio.Present = true;

        await Wait.UntilAsync(() => Energy(gateway, device).Any(r => r.ObservedMs == grid), TimeSpan.FromSeconds(90), "the 09:30 value from history");
        var filled = Energy(gateway, device).Single(r => r.ObservedMs == grid);
        var after = Energy(gateway, device).First(r => r.ObservedMs > backMs);
        output.WriteLine($"simulated: loss noticed {noticedMs - goneMs} ms after the meter left; back in the store {after.ObservedMs - backMs} ms after it returned; joins {input.Joins}");
        Assert.Equal(Expected(grid), Value(filled));
        AssertRead(Value(after), Expected(after.ObservedMs - SampledWithinMs), Expected(after.ObservedMs), 0.1m);
        Assert.True(input.Joins >= 2);
        await gateway.StopAsync();
        Assert.Null(module.Fault);
    }

    [Fact]
    public async Task WisunInput_WaterMeterAndAGarbagePayload_StoresCubicMetresAndDropsTheGarbage()
    {
        var time = new ScaledTimeProvider(20, new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        var meter = new SimulatedWaterFlowMeter(time, Id, volumeM3: 321.5m) { UnitCode = 0x03, FlowM3PerHour = 0.6m };
        var radio = new VirtualBrouteMeter();
        using var node = new SimulatedEchonetNode(meter);
        node.AttachTo(radio);
        using var module = new VirtualWisunModule(new VirtualWisunModuleOptions(), radio, time);
        module.Start();
        using var gateway = await StartGatewayAsync(time, radio, module.PortPath, pollInterval: "00:00:30");
        var input = gateway.Services.GetServices<IHostedService>().OfType<WisunBrouteInputService>().Single();
        var device = "echonet-" + Convert.ToHexString(Id);

        // 0.6 m3/h = 1 l per 6 s; one count = 0.001 m3.
        decimal Expected(long unixMs) => decimal.Floor((321.5m + (0.6m * (unixMs - meter.StartedUnixMs) / 3_600_000m)) / 0.001m) * 0.001m;

        await Wait.UntilAsync(() => Volume(gateway, device).Count >= 1, TimeSpan.FromSeconds(60), "the first cumulative read");
        Assert.True(module.PushFromMeter([0x10, 0x81, 0x00, 0x00, 0x02, 0x81]));
        await Wait.UntilAsync(() => input.Link!.BadFrames >= 1 && Volume(gateway, device).Count >= 3, TimeSpan.FromSeconds(60), "the garbage, then more reads");

        var rows = StoreFile.Rows(gateway.Services.GetRequiredService<Edge.Gateway.Store.GatewayDatabase>().FilePath);
        Assert.All(rows, r => Assert.Equal(device, r.Device));
        Assert.All(rows, r => Assert.Equal(("volume", "m3"), (r.Channel, r.Unit)));
        foreach (var r in Volume(gateway, device))
        {
            AssertRead(Value(r), Expected(r.ObservedMs - SampledWithinMs), Expected(r.ObservedMs), 0.001m);
        }

        await gateway.StopAsync();
        Assert.Null(module.Fault);
    }

    /// <summary>A register read: between its values at the two instants, and a whole number of counts.</summary>
    private static void AssertRead(decimal actual, decimal earliest, decimal latest, decimal count)
    {
        Assert.InRange(actual, earliest, latest);
        Assert.Equal(0m, actual % count);
    }

    private static decimal Value(StoreFile.Row row)
    {
        var v = (decimal)row.Mantissa;
        for (var i = 0; i < row.Scale; i++)
        {
            v /= 10;
        }

        return v;
    }

    private static List<StoreFile.Row> Energy(IHost gateway, string device) => Rows(gateway, device, "energy");

    private static List<StoreFile.Row> Volume(IHost gateway, string device) => Rows(gateway, device, "volume");

    private static List<StoreFile.Row> Rows(IHost gateway, string device, string channel) =>
        [.. StoreFile.Rows(gateway.Services.GetRequiredService<Edge.Gateway.Store.GatewayDatabase>().FilePath).Where(r => r.Device == device && r.Channel == channel).OrderBy(r => r.ObservedMs)];

    private async Task<IHost> StartGatewayAsync(TimeProvider time, VirtualBrouteMeter radio, string port, string pollInterval)
    {
        var settings = GatewayConfig.Defaults(_dir.Path);
        RadioInputs.Input(settings, InputKinds.WisunBroute, port);
        settings["Edge:Gateway:Inputs:0:Name"] = "wisun0";
        settings["Edge:Gateway:Inputs:0:PollInterval"] = pollInterval;
        settings["Edge:Gateway:Inputs:0:Wisun:Password"] = radio.Password;
        settings["Edge:Gateway:Inputs:0:Wisun:RouteBId"] = radio.RouteBId;
        settings["Edge:Gateway:Inputs:0:Wisun:RetryDelay"] = "00:00:10";
        settings["Edge:Gateway:Inputs:0:Wisun:RejoinDelay"] = "00:00:10";
        var builder = GatewayHost.CreateBuilder(GatewayConfig.Args(settings));
        builder.Services.AddSingleton(time);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
