using Edge.Firmware.Modbus;

namespace Edge.Firmware.Tests.Modbus;

/// <summary>RTU timers (Serial Line V1.02 §2.5.1.1): 11-bit characters, t1.5 and t3.5, fixed values above 19200 baud.</summary>
public sealed class ModbusTimingTests
{
    [Theory]
    // 3.5 × 11 / 9600 s = 4.0104 ms; 1.5 × 11 / 9600 s = 1.71875 ms (rounded up to whole µs).
    [InlineData(9600, 1146, 1719, 4011)]
    // 3.5 × 11 / 19200 s = 2.0052 ms; 1.5 × 11 / 19200 s = 0.859375 ms.
    [InlineData(19200, 573, 860, 2006)]
    // Above 19200 baud: t1.5 = 750 µs and t3.5 = 1750 µs fixed.
    [InlineData(38400, 287, 750, 1750)]
    [InlineData(115200, 96, 750, 1750)]
    public void Timers_AtRate_MatchTheSpecification(int baud, int character, int t15, int t35)
    {
        Assert.Equal(character, ModbusTiming.CharacterMicros(baud));
        Assert.Equal(t15, ModbusTiming.InterCharacterMicros(baud));
        Assert.Equal(t35, ModbusTiming.InterFrameMicros(baud));
    }

    [Fact]
    public void Master_SetTimingFor_RoundsTheTimersUpToMilliseconds()
    {
        var master = new ModbusRtuMaster(new Fakes.ScriptedSerialLink()) { ReceiveSlackMs = 0 };

        master.SetTimingFor(9600);
        Assert.Equal((5, 2), (master.InterFrameMs, master.InterCharacterTimeoutMs));

        master.SetTimingFor(115200);
        Assert.Equal((2, 1), (master.InterFrameMs, master.InterCharacterTimeoutMs));

        // The host's slack is added on top of t1.5, whenever it is set.
        master.ReceiveSlackMs = 20;
        Assert.Equal(21, master.InterCharacterTimeoutMs);
    }

    [Fact]
    public void Master_Configure_SetsEightBitsParityAndStopBits()
    {
        var link = new Fakes.ScriptedSerialLink();

        new ModbusRtuMaster(link).Configure(19200, 2, 1);

        Assert.Equal((19200, 8, 2, 1), link.Line);
    }
}
