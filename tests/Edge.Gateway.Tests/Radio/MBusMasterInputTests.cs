using Edge.Gateway.Tests.Support;
using Edge.HwSim.MBus;

namespace Edge.Gateway.Tests.Radio;

/// <summary>The real gateway host as M-Bus master on a virtual bus (hw-sim slaves, real pty).</summary>
public sealed class MBusMasterInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task MBusMasterInput_PrimaryAddressesWithASilentMeter_StoresTheOthersAndCountsTheError()
    {
        VirtualMBusSlave[] slaves =
        [
            new(1, 0x10000001, volumeLitres: 100_000) { TelegramCount = 2 },
            new(2, 0x10000002, volumeLitres: 200_000),
            new(3, 0x10000003) { Silent = true },
        ];
        using var bus = new VirtualMBus(slaves);
        bus.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            RadioInputs.Input(s, "mbus-master", bus.PortPath);
            s["Edge:Gateway:Inputs:0:PrimaryAddresses:0"] = "1";
            s["Edge:Gateway:Inputs:0:PrimaryAddresses:1"] = "2";
            s["Edge:Gateway:Inputs:0:PrimaryAddresses:2"] = "3";
            s["Edge:Gateway:Inputs:0:PollInterval"] = "00:00:00.300";
            s["Edge:Gateway:Inputs:0:ResponseTimeout"] = "00:00:00.250"; // generous: a loaded CI machine schedules the virtual slaves late
        });

        await Wait.UntilAsync(() => gateway.Counters.TelegramsAccepted >= 4 && gateway.Counters.TelegramErrors >= 2, TimeSpan.FromSeconds(60), "two polls");

        var rows = StoreFile.Rows(gateway.DbPath);
        var first = rows.Where(r => r.Device == "mbus-EDG-10000001").ToList();
        var second = rows.Where(r => r.Device == "mbus-EDG-10000002").ToList();

        // Each readout grows the register by 7 litres: 100.007, 100.014, ... m³.
        Assert.Equal([100_007L, 100_014L], first.Take(2).Select(r => r.Mantissa));
        Assert.Equal([200_007L, 200_014L], second.Take(2).Select(r => r.Mantissa));
        Assert.All(rows, r => Assert.Equal(("volume", "m3", 3), (r.Channel, r.Unit, r.Scale)));
        Assert.DoesNotContain(rows, r => r.Device.EndsWith("10000003", StringComparison.Ordinal));
        Assert.Equal(0, gateway.Counters.TelegramsDuplicate);
    }

    [Fact]
    public async Task MBusMasterInput_Search_FindsAndReadsEveryMeterOnTheBus()
    {
        uint[] ids = [0x21000001, 0x21000002, 0x35000000];
        using var bus = new VirtualMBus(ids.Select(id => new VirtualMBusSlave(0, id, volumeLitres: 1_000)));
        bus.Start();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            RadioInputs.Input(s, "mbus-master", bus.PortPath);
            s["Edge:Gateway:Inputs:0:Search"] = "true";
            s["Edge:Gateway:Inputs:0:PollInterval"] = "00:00:00.300";
            s["Edge:Gateway:Inputs:0:ResponseTimeout"] = "00:00:00.250"; // a late answer would drop a meter from the search
        });

        await Wait.UntilAsync(() => StoreFile.Rows(gateway.DbPath).Select(r => r.Device).Distinct().Count() == 3 && gateway.Counters.TelegramsAccepted >= 6, TimeSpan.FromSeconds(90), "the search and a poll");

        Assert.Equal(["mbus-EDG-21000001", "mbus-EDG-21000002", "mbus-EDG-35000000"], StoreFile.Rows(gateway.DbPath).Select(r => r.Device).Distinct().Order());
    }
}
