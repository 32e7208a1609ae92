using Edge.Firmware.Host.Serial;
using Edge.Firmware.Modbus;
using Edge.HwSim.Modbus;
using Edge.HwSim.Tests.Serial;

namespace Edge.HwSim.Tests.Modbus;

/// <summary>The portable Modbus master over a real pty (PosixSerialPort) against the simulated flow meter and pressure logger.</summary>
[Collection(SerialCollection.Name)]
public sealed class ModbusMasterOnVirtualSlaveTests
{
    private readonly ManualTime _time = new();

    [Theory]
    [InlineData("ABCD", ModbusWordOrder.BigEndian)]
    [InlineData("CDAB", ModbusWordOrder.WordSwap)]
    [InlineData("BADC", ModbusWordOrder.ByteSwap)]
    [InlineData("DCBA", ModbusWordOrder.LittleEndian)]
    public void Read_FlowMeterInEachWordOrder_GivesItsPhysicalState(string deviceOrder, int mapOrder)
    {
        var meter = new SimulatedFlowMeter(7, serial: 20261126, _time) { WordOrder = deviceOrder };
        meter.SetFlowCubicMetresPerHour(123.456);
        meter.SetTotalisersLitres(forward: 1_234_567, reverse: 89);
        using var bus = Start(meter);
        using var port = new PosixSerialPort(bus.PortPath);
        var reader = new ModbusMeterReader(Master(port), FlowMap(mapOrder));

        Assert.Equal(4, reader.Read(7, out var failure));

        Assert.Equal(ModbusResult.Ok, failure);
        Assert.Equal(1, reader.LastRequests); // input registers 0..7 are adjacent: one request
        // 123.456 m³/h to 3 decimals; 1 234 567 l = 1234.567 m³; 89 l = 0.089 m³; the float totaliser to 3 decimals.
        Assert.Equal(
            [(123456L, 3), (1234567L, 3), (89L, 3), (1234567L, 3)],
            reader.Values.Select(v => (v.Mantissa, v.Scale)));
    }

    [Fact]
    public void Read_FlowOverTime_TotaliserGrowsByTheIntegral()
    {
        var meter = new SimulatedFlowMeter(7, 1, _time);
        meter.SetFlowCubicMetresPerHour(36);
        using var bus = Start(meter);
        using var port = new PosixSerialPort(bus.PortPath);
        var reader = new ModbusMeterReader(Master(port), FlowMap(ModbusWordOrder.BigEndian));

        _time.Advance(TimeSpan.FromSeconds(10));
        reader.Read(7, out _);

        // 36 m³/h for 10 s = 0.1 m³ = 100 l forward, nothing reverse.
        Assert.Equal((100L, 3), (reader.Values[1].Mantissa, reader.Values[1].Scale));
        Assert.Equal(0L, reader.Values[2].Mantissa);

        meter.SetFlowCubicMetresPerHour(-7.2);
        _time.Advance(TimeSpan.FromSeconds(100));
        reader.Read(7, out _);

        // -7.2 m³/h for 100 s = 0.2 m³ backwards; the flow register shows the sign.
        Assert.Equal((-7200L, 3), (reader.Values[0].Mantissa, reader.Values[0].Scale));
        Assert.Equal(100L, reader.Values[1].Mantissa);
        Assert.Equal(200L, reader.Values[2].Mantissa);
    }

    [Fact]
    public void Read_PressureLogger_IntegerAndFloatRegistersAgreeInHectopascals()
    {
        var logger = new SimulatedPressureLogger(12, 555, _time) { WordOrder = "CDAB" };
        logger.SetPressureKilopascals(450);
        using var bus = Start(logger);
        using var port = new PosixSerialPort(bus.PortPath);
        ModbusPoint[] map =
        [
            new("pressure", ModbusQuantity.Pressure, ModbusTable.Input, 0, ModbusRegisterType.Int16, ModbusWordOrder.BigEndian, 1, -1, "kPa", 0),
            new("pressure-bar", ModbusQuantity.Pressure, ModbusTable.Input, 1, ModbusRegisterType.Float32, ModbusWordOrder.WordSwap, 1, 0, "bar", 3),
        ];
        var reader = new ModbusMeterReader(Master(port), map);

        Assert.Equal(2, reader.Read(12, out _));

        // 450 kPa = 4500 hPa: int16 4500 in 0.1 kPa; float32 4.5 bar.
        Assert.Equal((4500L, 0), (reader.Values[0].Mantissa, reader.Values[0].Scale));
        Assert.Equal((4500L, 0), (reader.Values[1].Mantissa, reader.Values[1].Scale));

        logger.SetPressureKilopascals(-12.3);
        reader.Read(12, out _);

        // Below atmospheric: -12.3 kPa = -123 hPa (int16 -123 in 0.1 kPa).
        Assert.Equal(-123L, reader.Values[0].Mantissa);
    }

    [Fact]
    public void ReadHoldingRegisters_UnmappedAddress_ExceptionIllegalDataAddress()
    {
        using var bus = Start(new SimulatedFlowMeter(7, 1, _time));
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);

        Assert.Equal(ModbusResult.SlaveException, master.ReadHoldingRegisters(7, 100, 2, new ushort[2], 0));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, master.LastExceptionCode);
        Assert.Equal(1, master.LastAttempts);
    }

    [Fact]
    public void Read_InjectedCrcErrorAndSilence_RepeatedUntilAnswered()
    {
        var meter = new SimulatedFlowMeter(7, 99, _time) { CorruptReplies = 1, SilentRequests = 1 };
        using var bus = Start(meter);
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);
        var values = new ushort[2];

        Assert.Equal(ModbusResult.Ok, master.ReadInputRegisters(7, 16, 2, values, 0));

        // First request unanswered, second answered with a broken CRC, third fine.
        Assert.Equal(3, master.LastAttempts);
        Assert.Equal(99, (values[0] << 16) | values[1]);
    }

    [Fact]
    public void Read_SilentSlave_NoAnswerAfterEveryAttempt()
    {
        var meter = new SimulatedFlowMeter(7, 1, _time) { Silent = true };
        using var bus = Start(meter);
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);

        Assert.Equal(ModbusResult.NoAnswer, master.ReadInputRegisters(7, 0, 2, new ushort[2], 0));
        Assert.Equal(3, master.LastAttempts);
        Assert.Equal(3, meter.Requests);
    }

    [Fact]
    public void Read_GapInsideAReply_DiscardedAsIncompleteThenRepeated()
    {
        using var bus = Start(new SimulatedFlowMeter(7, 1, _time));
        bus.InterCharacterGap = TimeSpan.FromMilliseconds(150);
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);
        master.Retries = 0;

        Assert.Equal(ModbusResult.Framing, master.ReadInputRegisters(7, 0, 8, new ushort[8], 0));

        // The stalled rest (21 - 3 bytes) arrives late: the master reads it away as noise before its next request.
        Assert.True(SpinWait.SpinUntil(() => bus.RepliesSent == 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(ModbusResult.Ok, master.ReadInputRegisters(7, 0, 8, new ushort[8], 0));
        Assert.Equal(18, master.NoiseBytes);
    }

    [Fact]
    public void InjectedException_Busy_ReportedAndNotRepeated()
    {
        using var bus = Start(new SimulatedFlowMeter(7, 1, _time) { InjectedExceptionCode = ModbusExceptionCode.ServerDeviceBusy, InjectedExceptionCount = 1 });
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);

        Assert.Equal(ModbusResult.SlaveException, master.ReadInputRegisters(7, 0, 2, new ushort[2], 0));
        Assert.Equal(ModbusExceptionCode.ServerDeviceBusy, master.LastExceptionCode);
        Assert.Equal(ModbusResult.Ok, master.ReadInputRegisters(7, 0, 2, new ushort[2], 0));
    }

    [Fact]
    public void Writes_SingleAndMultiple_ChangeTheMetersSettings()
    {
        var meter = new SimulatedFlowMeter(7, 1, _time);
        meter.SetTotalisersLitres(5000, 10);
        using var bus = Start(meter);
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);
        var values = new ushort[2];

        // Word order register: 1 = CDAB; 9 is not a word order (exception 03, illegal data value).
        Assert.Equal(ModbusResult.Ok, master.WriteSingleRegister(7, 1, 1));
        Assert.Equal("CDAB", meter.WordOrder);
        Assert.Equal(ModbusResult.SlaveException, master.WriteSingleRegister(7, 1, 9));
        Assert.Equal(ModbusExceptionCode.IllegalDataValue, master.LastExceptionCode);

        // Function 16 over registers 2-3: the reset code, then damping 10 s.
        Assert.Equal(ModbusResult.Ok, master.WriteMultipleRegisters(7, 2, [0x5A5A, 10], 0, 2));
        Assert.Equal(0, meter.ForwardLitres);
        Assert.Equal(ModbusResult.Ok, master.ReadHoldingRegisters(7, 1, 2, values, 0));
        Assert.Equal(new ushort[] { 1, 0 }, values);
        Assert.Equal(ModbusResult.Ok, master.ReadHoldingRegisters(7, 3, 1, values, 0));
        Assert.Equal(10, values[0]);
    }

    [Fact]
    public void WriteSingleRegister_NewAddressThenBroadcast_ReachesTheMeterUnderItsNewAddress()
    {
        var meter = new SimulatedFlowMeter(7, 1, _time);
        var logger = new SimulatedPressureLogger(8, 2, _time);
        using var bus = Start(meter, logger);
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);
        var values = new ushort[1];

        // The reply comes from the old address; the new one applies after it.
        Assert.Equal(ModbusResult.Ok, master.WriteSingleRegister(7, 0, 9));
        Assert.Equal(ModbusResult.Ok, master.ReadHoldingRegisters(9, 0, 1, values, 0));
        Assert.Equal(9, values[0]);

        // Broadcast word order CDAB to both: no reply, both take it.
        Assert.Equal(ModbusResult.Ok, master.WriteSingleRegister(0, 1, 1));
        Assert.Equal(ModbusResult.Ok, master.ReadHoldingRegisters(8, 1, 1, values, 0));
        Assert.Equal((ushort)1, values[0]);
        Assert.Equal("CDAB", meter.WordOrder);
    }

    [Fact]
    public void Requests_BackToBack_KeepAtLeastThreeAndAHalfCharactersOfSilence()
    {
        using var bus = Start(new SimulatedFlowMeter(7, 1, _time));
        using var port = new PosixSerialPort(bus.PortPath);
        var master = Master(port);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(ModbusResult.Ok, master.ReadInputRegisters(7, 0, 2, new ushort[2], 0));
        }

        // §2.5.1.1 at 9600 baud: t3.5 = 3.5 × 11 / 9600 s = 4.01 ms between the end of a reply and the next request.
        Assert.Equal(9, bus.SilencesBeforeRequests.Count);
        Assert.All(bus.SilencesBeforeRequests, s => Assert.True(s >= TimeSpan.FromMilliseconds(4.01), s.ToString()));
    }

    private static ModbusPoint[] FlowMap(int order) =>
    [
        new("flow", ModbusQuantity.Flow, ModbusTable.Input, 0, ModbusRegisterType.Float32, order, 1, 0, "m3/h", 3),
        new("volume", ModbusQuantity.Totaliser, ModbusTable.Input, 2, ModbusRegisterType.UInt32, order, 1, 0, "l", 0),
        new("volume-reverse", ModbusQuantity.Totaliser, ModbusTable.Input, 4, ModbusRegisterType.UInt32, order, 1, 0, "l", 0),
        new("volume-float", ModbusQuantity.Totaliser, ModbusTable.Input, 6, ModbusRegisterType.Float32, order, 1, 0, "m3", 3),
    ];

    private static VirtualModbusBus Start(params VirtualModbusSlave[] slaves)
    {
        var bus = new VirtualModbusBus(slaves);
        bus.Start();
        return bus;
    }

    private static ModbusRtuMaster Master(PosixSerialPort port)
    {
        var master = new ModbusRtuMaster(port) { ResponseTimeoutMs = 300 };
        master.Configure(9600, 2, 1);
        return master;
    }
}
