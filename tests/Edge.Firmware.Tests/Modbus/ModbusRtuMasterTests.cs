using Edge.Firmware.Modbus;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Modbus;

/// <summary>
/// The master's frames and reply handling against a scripted line. Frames are the Application Protocol V1.1b3
/// examples (§6.3, §6.6, §6.12, §7) with slave address 0x11 and CRCs computed independently (CRC-16/MODBUS in Python).
/// </summary>
public sealed class ModbusRtuMasterTests
{
    private readonly ScriptedSerialLink _link = new();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private ModbusRtuMaster Master() => new(_link);

    [Fact]
    public void ReadHoldingRegisters_SpecExample_SendsTheFrameAndReturnsTheValues()
    {
        // §6.3 example: registers 108-110 (address 0x006B, 3 registers) hold 0x022B (555), 0, 0x0064 (100).
        _link.ReplyHex("11 03 06 02 2B 00 00 00 64 C8 BA");
        var values = new ushort[3];

        var result = Master().ReadHoldingRegisters(0x11, 0x6B, 3, values, 0);

        Assert.Equal(ModbusResult.Ok, result);
        Assert.Equal(Hex("11 03 00 6B 00 03 76 87"), _link.Writes.Single());
        Assert.Equal(new ushort[] { 555, 0, 100 }, values);
    }

    [Fact]
    public void ReadInputRegisters_SpecExample_UsesFunction04()
    {
        // §6.4 example: input register 9 (address 0x0008) holds 0x000A.
        _link.ReplyHex("11 04 02 00 0A " + Crc("1104 02000A"));
        var values = new ushort[1];

        Assert.Equal(ModbusResult.Ok, Master().ReadInputRegisters(0x11, 8, 1, values, 0));
        Assert.Equal(Hex("11 04 00 08 00 01 B2 98"), _link.Writes.Single());
        Assert.Equal(10, values[0]);
    }

    [Fact]
    public void WriteSingleRegister_SpecExample_AcceptsTheEcho()
    {
        // §6.6 example: write 0x0003 to register 2 (address 0x0001); the normal response echoes the request.
        _link.ReplyHex("11 06 00 01 00 03 9A 9B");

        Assert.Equal(ModbusResult.Ok, Master().WriteSingleRegister(0x11, 1, 3));
        Assert.Equal(Hex("11 06 00 01 00 03 9A 9B"), _link.Writes.Single());
    }

    [Fact]
    public void WriteMultipleRegisters_SpecExample_AcceptsAddressAndQuantity()
    {
        // §6.12 example: write 0x000A, 0x0102 to registers 2-3 (address 0x0001); response returns address and quantity.
        _link.ReplyHex("11 10 00 01 00 02 12 98");

        Assert.Equal(ModbusResult.Ok, Master().WriteMultipleRegisters(0x11, 1, [0x000A, 0x0102], 0, 2));
        Assert.Equal(Hex("11 10 00 01 00 02 04 00 0A 01 02 C6 F0"), _link.Writes.Single());
    }

    [Fact]
    public void WriteSingleRegister_EchoWithAnotherValue_IsMismatchAndNotRepeated()
    {
        _link.ReplyHex("11 06 00 01 00 04 " + Crc("110600010004"));

        var master = Master();
        Assert.Equal(ModbusResult.Mismatch, master.WriteSingleRegister(0x11, 1, 3));
        Assert.Equal(1, master.LastAttempts);
    }

    [Fact]
    public void Read_ExceptionResponse_ReportsTheCodeAndItsName()
    {
        // §7: function code | 0x80, then the exception code; 02 illegal data address.
        _link.ReplyHex("11 83 02 C1 34");
        var master = Master();

        var result = master.ReadHoldingRegisters(0x11, 0x6B, 3, new ushort[3], 0);

        Assert.Equal(ModbusResult.SlaveException, result);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, master.LastExceptionCode);
        Assert.Contains("illegal data address (02)", master.LastError, StringComparison.Ordinal);
        Assert.Equal(1, master.LastAttempts);
    }

    [Theory]
    [InlineData(0x01, "illegal function (01)")]
    [InlineData(0x02, "illegal data address (02)")]
    [InlineData(0x03, "illegal data value (03)")]
    [InlineData(0x04, "server device failure (04)")]
    [InlineData(0x05, "acknowledge (05)")]
    [InlineData(0x06, "server device busy (06)")]
    [InlineData(0x08, "memory parity error (08)")]
    [InlineData(0x0A, "gateway path unavailable (0A)")]
    [InlineData(0x0B, "gateway target device failed to respond (0B)")]
    [InlineData(0x42, "unknown exception code 66")]
    public void Read_EachExceptionCode_IsNamedInTheError(int code, string name)
    {
        _link.ReplyHex("11 84 " + code.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " " + Crc("1184" + code.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        var master = Master();

        Assert.Equal(ModbusResult.SlaveException, master.ReadInputRegisters(0x11, 0, 1, new ushort[1], 0));
        Assert.Equal(code, master.LastExceptionCode);
        Assert.EndsWith(name, master.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CrcErrorThenGoodReply_RepeatsAndSucceeds()
    {
        _link.ReplyHex("11 03 06 02 2B 00 00 00 64 C8 BB");
        _link.ReplyHex("11 03 06 02 2B 00 00 00 64 C8 BA");
        var master = Master();

        Assert.Equal(ModbusResult.Ok, master.ReadHoldingRegisters(0x11, 0x6B, 3, new ushort[3], 0));
        Assert.Equal(2, master.LastAttempts);
        Assert.Equal(2, _link.Writes.Count);
    }

    [Fact]
    public void Read_CrcErrorEveryTime_ReportsCrcErrorAfterAllAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _link.ReplyHex("11 03 06 02 2B 00 00 00 64 00 00");
        }

        var master = Master();

        Assert.Equal(ModbusResult.CrcError, master.ReadHoldingRegisters(0x11, 0x6B, 3, new ushort[3], 0));
        Assert.Equal(3, master.LastAttempts);
        Assert.Contains("CRC error after 3 attempts", master.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Silence_IsNoAnswerAfterRetriesWithTheResponseTimeout()
    {
        _link.Silence();
        _link.Silence();
        var master = Master();
        master.Retries = 1;
        master.ResponseTimeoutMs = 250;

        Assert.Equal(ModbusResult.NoAnswer, master.ReadHoldingRegisters(1, 0, 2, new ushort[2], 0));
        Assert.Equal(2, master.LastAttempts);
        Assert.Equal(2, _link.ReadTimeouts.Count(t => t == 250));
    }

    [Fact]
    public void Read_GapInsideTheReply_IsFramingError()
    {
        // §2.5.1.1: a silence longer than t1.5 inside a frame makes it incomplete.
        _link.Reply(Hex("11 03 06 02 2B"), [], Hex("00 00 00 64 C8 BA"));
        var master = Master();
        master.Retries = 0;

        Assert.Equal(ModbusResult.Framing, master.ReadHoldingRegisters(0x11, 0x6B, 3, new ushort[3], 0));
    }

    [Fact]
    public void Read_ReplyInPiecesWithoutGaps_IsAssembled()
    {
        _link.Reply(Hex("11"), Hex("03"), Hex("06 02 2B 00"), Hex("00 00 64 C8"), Hex("BA"));
        var values = new ushort[3];

        Assert.Equal(ModbusResult.Ok, Master().ReadHoldingRegisters(0x11, 0x6B, 3, values, 0));
        Assert.Equal(new ushort[] { 555, 0, 100 }, values);
    }

    [Fact]
    public void Read_BytesAfterTheFrame_IsFramingError()
    {
        _link.ReplyHex("11 03 06 02 2B 00 00 00 64 C8 BA 00");
        var master = Master();
        master.Retries = 0;

        Assert.Equal(ModbusResult.Framing, master.ReadHoldingRegisters(0x11, 0x6B, 3, new ushort[3], 0));
    }

    [Fact]
    public void Read_ReplyFromAnotherSlave_IsWrongSlave()
    {
        _link.ReplyHex("12 03 02 00 07 " + Crc("1203020007"));
        var master = Master();
        master.Retries = 0;

        Assert.Equal(ModbusResult.WrongSlave, master.ReadHoldingRegisters(0x11, 0, 1, new ushort[1], 0));
    }

    [Fact]
    public void Read_WrongByteCount_IsMismatchAndNotRepeated()
    {
        // Two registers asked, one returned, CRC valid.
        _link.ReplyHex("11 03 02 00 0A F9 80");
        var master = Master();

        Assert.Equal(ModbusResult.Mismatch, master.ReadHoldingRegisters(0x11, 0, 2, new ushort[2], 0));
        Assert.Equal(1, master.LastAttempts);
    }

    [Fact]
    public void Read_NoiseBeforeTheRequest_IsReadAwayUntilTheLineIsQuiet()
    {
        _link.Noise([0xFF, 0x00, 0x55]);
        _link.ReplyHex("11 03 06 02 2B 00 00 00 64 C8 BA");
        var master = Master();

        Assert.Equal(ModbusResult.Ok, master.ReadHoldingRegisters(0x11, 0x6B, 3, new ushort[3], 0));
        Assert.Equal(3, master.NoiseBytes);

        // The silence before the request was awaited with t3.5 (5 ms at 9600 baud, rounded up).
        Assert.Equal(master.InterFrameMs, _link.ReadTimeouts[0]);
    }

    [Fact]
    public void WriteSingleRegister_Broadcast_SendsAndWaitsTheTurnaroundDelay()
    {
        var master = Master();
        master.TurnaroundDelayMs = 150;

        Assert.Equal(ModbusResult.Ok, master.WriteSingleRegister(0, 1, 3));
        Assert.Equal(Hex("00 06 00 01 00 03"), _link.Writes.Single()[..6]);
        Assert.Contains(150, _link.ReadTimeouts);
    }

    [Theory]
    [InlineData(0, 0, 1)] // a read cannot be broadcast
    [InlineData(248, 0, 1)]
    [InlineData(1, 0, 0)]
    [InlineData(1, 0, 126)]
    [InlineData(1, 65535, 2)]
    [InlineData(1, -1, 1)]
    public void ReadHoldingRegisters_OutOfRange_IsInvalidAndSendsNothing(int slave, int address, int count)
    {
        var master = Master();

        Assert.Equal(ModbusResult.InvalidArgument, master.ReadHoldingRegisters(slave, address, count, new ushort[130], 0));
        Assert.Empty(_link.Writes);
        Assert.NotNull(master.LastError);
    }

    [Fact]
    public void WriteMultipleRegisters_MoreThan123_IsInvalid()
    {
        Assert.Equal(ModbusResult.InvalidArgument, Master().WriteMultipleRegisters(1, 0, new ushort[124], 0, 124));
        Assert.Empty(_link.Writes);
    }

    /// <summary>CRC of a hex frame as the two bytes sent, by the test's own bit-serial reference (§6.2.2 procedure).</summary>
    internal static string Crc(string hex)
    {
        var crc = 0xFFFF;
        foreach (var b in Hex(hex))
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                var lsb = crc & 1;
                crc >>= 1;
                if (lsb == 1)
                {
                    crc ^= 0xA001;
                }
            }
        }

        return (crc & 0xFF).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + (crc >> 8).ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
