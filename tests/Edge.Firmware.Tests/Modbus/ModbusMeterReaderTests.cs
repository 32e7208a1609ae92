using Edge.Firmware.Modbus;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Modbus;

/// <summary>Reading a register map: adjacent points share a request, gaps and other tables do not, failures stay per request.</summary>
public sealed class ModbusMeterReaderTests
{
    private static ModbusPoint[] Map() =>
    [
        // Input registers 0-1 flow float32 m³/h, 2-3 totaliser uint32 litres, then holding register 10 pressure in 0.01 bar.
        new("flow", ModbusQuantity.Flow, ModbusTable.Input, 0, ModbusRegisterType.Float32, ModbusWordOrder.BigEndian, 1, 0, "m3/h", 3),
        new("volume", ModbusQuantity.Totaliser, ModbusTable.Input, 2, ModbusRegisterType.UInt32, ModbusWordOrder.BigEndian, 1, 0, "l", 0),
        new("pressure", ModbusQuantity.Pressure, ModbusTable.Holding, 10, ModbusRegisterType.Int16, ModbusWordOrder.BigEndian, 1, -2, "bar", 0),
    ];

    [Fact]
    public void Read_AdjacentInputPointsAndAHoldingPoint_TwoRequestsAndEveryValue()
    {
        var link = new ScriptedSerialLink();

        // 3.5 m³/h = 0x40600000; 1234567 l = 0x0012D687; 3.50 bar = 350 = 0x015E.
        link.ReplyHex("05 04 08 40 60 00 00 00 12 D6 87 " + ModbusRtuMasterTests.Crc("0504084060000000 12D687"));
        link.ReplyHex("05 03 02 01 5E " + ModbusRtuMasterTests.Crc("050302015E"));
        var reader = new ModbusMeterReader(new ModbusRtuMaster(link), Map());

        Assert.Equal(3, reader.Read(5, out var failure));

        Assert.Equal(ModbusResult.Ok, failure);
        Assert.Equal(2, reader.LastRequests);
        Assert.Equal("050400000004", Convert.ToHexString(link.Writes[0], 0, 6));
        Assert.Equal((3500L, 3), (reader.Values[0].Mantissa, reader.Values[0].Scale));
        Assert.Equal((1234567L, 3), (reader.Values[1].Mantissa, reader.Values[1].Scale));
        Assert.Equal((3500L, 0), (reader.Values[2].Mantissa, reader.Values[2].Scale));
    }

    [Fact]
    public void Read_ExceptionOnOneRequest_MarksItsPointsAndReadsTheRest()
    {
        var link = new ScriptedSerialLink();
        link.ReplyHex("05 84 02 " + ModbusRtuMasterTests.Crc("058402"));
        link.ReplyHex("05 03 02 01 5E " + ModbusRtuMasterTests.Crc("050302015E"));
        var reader = new ModbusMeterReader(new ModbusRtuMaster(link), Map());

        Assert.Equal(1, reader.Read(5, out var failure));

        Assert.Equal(ModbusResult.SlaveException, failure);
        Assert.False(reader.Values[0].IsValid);
        Assert.Contains("illegal data address", reader.Values[1].Error, StringComparison.Ordinal);
        Assert.True(reader.Values[2].IsValid);
    }

    [Fact]
    public void Read_PointsWithAGap_AreSeparateRequests()
    {
        var link = new ScriptedSerialLink();
        ModbusPoint[] points =
        [
            new("a", ModbusQuantity.Level, ModbusTable.Holding, 0, ModbusRegisterType.UInt16, 0, 1, 0, "mm", 0),
            new("b", ModbusQuantity.Level, ModbusTable.Holding, 2, ModbusRegisterType.UInt16, 0, 1, 0, "mm", 0),
        ];
        var reader = new ModbusMeterReader(new ModbusRtuMaster(link) { Retries = 0 }, points);

        Assert.Equal(0, reader.Read(1, out var failure));

        Assert.Equal(ModbusResult.NoAnswer, failure);
        Assert.Equal(2, reader.LastRequests);
    }
}
