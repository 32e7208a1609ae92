using Edge.Gateway.Hosting;
using Edge.Gateway.Radio;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Echonet;
using Edge.HwSim.Iridium;
using Edge.HwSim.Wisun;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Gateway.Tests.Radio;

/// <summary>
/// End to end through a real pty (hw-sim's virtual Wi-SUN module and ECHONET Lite meters → the gateway's wisun-broute
/// input → its store): a meter's fault status 0x88 and the water meter's abnormal value 0xE3 (APPENDIX: 0x41 active,
/// 0x42 normal, announced at status change) become one alarm event per change and a status event on the return to
/// normal, with the meter's identity; the smart meter's half-hourly INF of 0xEA/0xEB is stored once, at the grid point
/// the meter stamped. Simulated time runs 20 times faster than real time; expected registers are computed here from
/// the meter's starting register and constant load.
/// </summary>
public sealed class WisunEchonetEventTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly byte[] Id = [0xFE, 0x00, 0x00, 0x16, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x41, 0x42, 0x43, 0x45];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WisunInput_SmartMeterFaultSetAndCleared_OneAlarmThenOneStatusEventAndTheHalfHourInfStoredOnce()
    {
        // 00:22 UTC = 09:22 JST: the 09:30 grid point comes about 24 s (real) after the start.
        var time = new ScaledTimeProvider(20, new DateTimeOffset(2026, 11, 26, 0, 22, 0, TimeSpan.Zero));
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 2000m) { Coefficient = 1, UnitCode = 0x01, EffectiveDigits = 6, PowerWatts = 900 };
        var radio = new VirtualBrouteMeter();
        using var node = new SimulatedEchonetNode(meter);
        node.AttachTo(radio);
        using var module = new VirtualWisunModule(new VirtualWisunModuleOptions(), radio, time);
        module.Start();
        using var gateway = await StartGatewayAsync(time, radio, module.PortPath);
        var device = "echonet-" + Convert.ToHexString(Id);
        var db = gateway.Services.GetRequiredService<GatewayDatabase>().FilePath;

        await Wait.UntilAsync(() => Rows(db, device, "energy").Count >= 1, TimeSpan.FromSeconds(60), "the first cumulative read");

        // The first read since the gateway started states the meter's status: no fault, a "cleared" status event.
        Assert.Equal(["meter-fault-cleared"], Kinds(db));

        // Fault: the meter announces it (INF 0x88 = 0x41); the gateway stores it with the next cumulative value.
        var setMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        meter.SetFault(true);
        await Wait.UntilAsync(() => Kinds(db).Contains("meter-fault"), TimeSpan.FromSeconds(30), "the fault alarm");
        var fault = StoreFile.Events(db).Single(e => e.Kind == "meter-fault");
        output.WriteLine($"simulated: fault set to alarm reading observed {fault.ObservedMs - setMs} ms");
        var flagged = Rows(db, device, "energy").Single(r => r.Seq == fault.Seq);
        Assert.Equal((device, (int)DataClass.Alarm), (fault.Device, fault.Class));
        Assert.Equal(MeterAlarmFlags.MeterFault, flagged.Flags);

        // Polls go on (each reads 0x88 = 0x41 again): no second alarm.
        var reads = Rows(db, device, "energy").Count(r => r.Seq > fault.Seq);
        await Wait.UntilAsync(() => Rows(db, device, "energy").Count(r => r.Seq > fault.Seq && r.ObservedMs % 1_800_000 != 0) >= 2, TimeSpan.FromSeconds(30), "two more polls");
        Assert.Single(StoreFile.Events(db), e => e.Kind == "meter-fault");

        meter.SetFault(false);
        await Wait.UntilAsync(() => Kinds(db).Count(k => k == "meter-fault-cleared") == 2, TimeSpan.FromSeconds(30), "the fault cleared");
        var cleared = StoreFile.Events(db).Last(e => e.Kind == "meter-fault-cleared");
        Assert.Equal((device, (int)DataClass.Status), (cleared.Device, cleared.Class));
        Assert.Equal(["meter-fault-cleared", "meter-fault", "meter-fault-cleared"], Kinds(db));

        // The 09:30 JST INF of 0xEA (and 0xEB): observed at the meter's stamp, the register there, once.
        var grid = new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await Wait.UntilAsync(() => Rows(db, device, "energy").Any(r => r.ObservedMs == grid), TimeSpan.FromSeconds(60), "the 09:30 fixed-time value");
        await Wait.UntilAsync(() => Rows(db, device, "energy").Any(r => r.ObservedMs > grid + 60_000), TimeSpan.FromSeconds(30), "a poll after it");
        var expected = decimal.Floor((2000m + (0.9m * (grid - meter.StartedUnixMs) / 3_600_000m)) / 0.1m) * 0.1m;
        var atGrid = Assert.Single(Rows(db, device, "energy"), r => r.ObservedMs == grid);
        Assert.Equal(expected, Value(atGrid));
        Assert.Equal(0m, Value(Assert.Single(Rows(db, device, "energy-reverse"), r => r.ObservedMs == grid)));
        output.WriteLine($"events {string.Join(", ", Kinds(db))}; reads after the fault {reads}; 09:30 value {Value(atGrid)} kWh");
        await gateway.StopAsync();
        Assert.Null(module.Fault);
    }

    [Fact]
    public async Task WisunInput_WaterMeterAbnormalValue_AlarmFromThePollClearedByInfAndABadCodeIgnored()
    {
        var time = new ScaledTimeProvider(20, new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
        var meter = new SimulatedWaterFlowMeter(time, Id, volumeM3: 88.25m) { UnitCode = 0x03, FlowM3PerHour = 0.6m };
        meter.SetAbnormalValue(true); // before the gateway knows the meter: found by its first read
        var radio = new VirtualBrouteMeter();
        using var node = new SimulatedEchonetNode(meter);
        node.AttachTo(radio);
        using var module = new VirtualWisunModule(new VirtualWisunModuleOptions(), radio, time);
        module.Start();
        using var gateway = await StartGatewayAsync(time, radio, module.PortPath);
        var device = "echonet-" + Convert.ToHexString(Id);
        var db = gateway.Services.GetRequiredService<GatewayDatabase>().FilePath;

        await Wait.UntilAsync(() => Kinds(db).Contains("abnormal-value"), TimeSpan.FromSeconds(60), "the abnormal value alarm");
        var alarm = StoreFile.Events(db).Single(e => e.Kind == "abnormal-value");
        Assert.Equal((device, "abnormal-value", (int)DataClass.Alarm), (alarm.Device, alarm.Kind, alarm.Class));
        // The first read also states that the meter has no fault (0x88 = 0x42).
        Assert.Equal(MeterAlarmFlags.AbnormalValue | MeterAlarmFlags.MeterFaultCleared, Rows(db, device, "volume").Single(r => r.Seq == alarm.Seq).Flags);

        // An INF with a code the APPENDIX does not define (0x45) changes nothing.
        Assert.True(module.PushFromMeter(Convert.FromHexString("1081000002810105FF0173018801" + "45")));
        meter.SetAbnormalValue(false);
        await Wait.UntilAsync(() => Kinds(db).Contains("abnormal-value-cleared"), TimeSpan.FromSeconds(30), "the abnormal value cleared");
        var seq = Rows(db, device, "volume").Max(r => r.Seq);
        await Wait.UntilAsync(() => Rows(db, device, "volume").Count(r => r.Seq > seq) >= 2, TimeSpan.FromSeconds(30), "two more polls");
        Assert.Equal(["meter-fault-cleared", "abnormal-value", "abnormal-value-cleared"], Kinds(db));
        Assert.Equal((int)DataClass.Status, StoreFile.Events(db)[2].Class);
        Assert.All(StoreFile.Events(db), e => Assert.Equal(device, e.Device));
        await gateway.StopAsync();
        Assert.Null(module.Fault);
    }

    private static List<string> Kinds(string db) => [.. StoreFile.Events(db).Select(e => e.Kind)];

    private static List<StoreFile.Row> Rows(string db, string device, string channel) =>
        [.. StoreFile.Rows(db).Where(r => r.Device == device && r.Channel == channel).OrderBy(r => r.Seq)];

    private static decimal Value(StoreFile.Row row)
    {
        var v = (decimal)row.Mantissa;
        for (var i = 0; i < row.Scale; i++)
        {
            v /= 10;
        }

        return v;
    }

    private async Task<IHost> StartGatewayAsync(TimeProvider time, VirtualBrouteMeter radio, string port)
    {
        var settings = GatewayConfig.Defaults(_dir.Path);
        RadioInputs.Input(settings, InputKinds.WisunBroute, port);
        settings["Edge:Gateway:Inputs:0:Name"] = "wisun0";
        settings["Edge:Gateway:Inputs:0:PollInterval"] = "00:01:00";
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
