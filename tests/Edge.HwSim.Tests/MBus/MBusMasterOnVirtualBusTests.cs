using Edge.Firmware.Host.Serial;
using Edge.Firmware.MBus;
using Edge.Firmware.MBus.Master;
using Edge.HwSim.MBus;
using Edge.HwSim.Tests.Serial;

namespace Edge.HwSim.Tests.MBus;

/// <summary>The portable master over a real pty (PosixSerialPort) against the virtual M-Bus slaves.</summary>
[Collection(SerialCollection.Name)]
public sealed class MBusMasterOnVirtualBusTests
{
    [Fact]
    public void ReadAll_ThreeSlavesByPrimaryAddress_EachVolumeIsItsRegister()
    {
        VirtualMBusSlave[] slaves = [new(1, 0x11111111, volumeLitres: 1_000), new(2, 0x22222222, volumeLitres: 123_456), new(250, 0x33333333, volumeLitres: 7)];
        using var bus = Start(slaves);
        using var port = Open(bus);
        var master = Master(port);
        var log = new TelegramLog();
        var telegram = new MBusTelegram();

        foreach (var address in new[] { 1, 2, 250 })
        {
            Assert.Equal(MBusMasterResult.Ok, master.ReadAll(address, telegram, log));
        }

        // Each readout grows the register by 7 litres before answering; VIF 0x13 counts litres = 10^-3 m³.
        Assert.Equal([0x11111111u, 0x22222222u, 0x33333333u], log.Telegrams.Select(t => t.Id));
        Assert.Equal([1.007m, 123.463m, 0.014m], log.Telegrams.Select(t => t.Volumes.Single().M3));
    }

    [Fact]
    public void ReadAll_TwoTelegramSlave_FollowsMoreRecordsWithToggledFcb()
    {
        var slave = new VirtualMBusSlave(5, 0x12345678, volumeLitres: 5_000) { TelegramCount = 2, DueDateLitres = 4_321 };
        using var bus = Start([slave]);
        using var port = Open(bus);
        var log = new TelegramLog();

        Assert.Equal(MBusMasterResult.Ok, Master(port).ReadAll(5, new MBusTelegram(), log));

        Assert.Equal(2, log.Telegrams.Count);
        Assert.True(log.Telegrams[0].More);
        Assert.False(log.Telegrams[1].More);
        Assert.Equal((0L, 5.007m), log.Telegrams[0].Volumes.Single());
        Assert.Equal((1L, 4.321m), log.Telegrams[1].Volumes.Single());

        // EN 13757-2 §5.5.2: after SND_NKE the first REQ_UD2 has FCB = 1, the next FCB = 0.
        Assert.Equal([true, false], slave.FcbHistory);
        Assert.Equal(0, slave.Repetitions);
    }

    [Fact]
    public void RequestData_LostAnswer_RepeatsWithSameFcbAndGetsTheSameTelegram()
    {
        var slave = new VirtualMBusSlave(9, 0x00000009, volumeLitres: 100) { DropAnswers = 1 };
        using var bus = Start([slave]);
        using var port = Open(bus);
        var master = Master(port);
        var log = new TelegramLog();

        Assert.Equal(MBusMasterResult.Ok, master.ReadAll(9, new MBusTelegram(), log));

        Assert.Equal(2, master.LastAttempts);
        Assert.Equal([true, true], slave.FcbHistory);
        Assert.Equal(1, slave.Repetitions);

        // The repetition is the lost answer itself: the register grew once, access number 1.
        Assert.Equal(0.107m, log.Telegrams.Single().Volumes.Single().M3);
        Assert.Equal(1, log.Telegrams.Single().Access);
    }

    [Fact]
    public void ReadAll_SilentSlave_RetriesThenReportsNoAnswer()
    {
        var slave = new VirtualMBusSlave(3, 0x00000003) { Silent = true };
        using var bus = Start([slave]);
        using var port = Open(bus);
        var master = Master(port);
        master.ResponseTimeoutMs = 60;

        var result = master.RequestData(3, new MBusTelegram());

        Assert.Equal(MBusMasterResult.NoAnswer, result);
        Assert.Equal(3, master.LastAttempts);
        Assert.Equal(3, slave.Requests);
        Assert.Contains("no answer after 3 attempts", master.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_FiveSlavesWithSharedDigits_FindsEachOnce()
    {
        uint[] ids = [0x12345678, 0x12345679, 0x12340000, 0x87654321, 0x12000001];
        using var bus = Start(ids.Select((id, i) => new VirtualMBusSlave(0, id, volumeLitres: 1_000 * (i + 1))));
        using var port = Open(bus);
        var master = Master(port);

        // The pty answers at once; a short timeout keeps the ~70 silent probes of this search fast.
        master.ResponseTimeoutMs = 50;
        var log = new TelegramLog();

        var found = master.Search(new MBusTelegram(), log);

        Assert.Equal(5, found);
        Assert.Equal(ids.Order(), log.Telegrams.Select(t => t.Id).Order());
        Assert.Equal(0, master.LastSearchUnresolved);
        Assert.True(bus.Collisions > 0, "shared leading digits must have collided");
    }

    [Fact]
    public void ReadSecondary_CompleteAddress_ReadsOnlyThatSlave()
    {
        using var bus = Start([new VirtualMBusSlave(0, 0x12345678, volumeLitres: 10), new VirtualMBusSlave(0, 0x12345679, volumeLitres: 20)]);
        using var port = Open(bus);
        var log = new TelegramLog();

        var result = Master(port).ReadSecondary(new MBusSecondaryAddress(0x12345679), new MBusTelegram(), log);

        Assert.Equal(MBusMasterResult.Ok, result);
        Assert.Equal(0x12345679u, log.Telegrams.Single().Id);
        Assert.Equal(0.027m, log.Telegrams.Single().Volumes.Single().M3);
    }

    [Fact]
    public void Select_TwoMatchingSlaves_ReportsCollision()
    {
        using var bus = Start([new VirtualMBusSlave(0, 0x12345678), new VirtualMBusSlave(0, 0x12345679)]);
        using var port = Open(bus);

        var result = Master(port).Select(new MBusSecondaryAddress(0x1234567F));

        Assert.Equal(MBusMasterResult.Collision, result);
    }

    private static VirtualMBus Start(IEnumerable<VirtualMBusSlave> slaves)
    {
        var bus = new VirtualMBus(slaves);
        bus.Start();
        return bus;
    }

    private static PosixSerialPort Open(VirtualMBus bus) => new(bus.PortPath);

    private static MBusMaster Master(PosixSerialPort port)
    {
        var master = new MBusMaster(port);
        master.Configure(MBusMaster.DefaultBaudRate);
        return master;
    }
}
