using Edge.Firmware.Modbus;

namespace Edge.Firmware.Tests.Modbus;

/// <summary>Register decoding: word orders, two's complement, IEEE 754 binary32 and exact unit factors.</summary>
public sealed class ModbusValueDecoderTests
{
    [Theory]
    [InlineData(ModbusWordOrder.BigEndian, 0x1234, 0x5678)]
    [InlineData(ModbusWordOrder.WordSwap, 0x5678, 0x1234)]
    [InlineData(ModbusWordOrder.ByteSwap, 0x3412, 0x7856)]
    [InlineData(ModbusWordOrder.LittleEndian, 0x7856, 0x3412)]
    public void Word32_EachOrder_ReassemblesABCD(int order, int first, int second)
    {
        // The bytes A=0x12 B=0x34 C=0x56 D=0x78 as each order puts them in two registers.
        Assert.Equal(0x12345678u, ModbusValueDecoder.Word32([(ushort)first, (ushort)second], 0, order));
    }

    [Theory]
    [InlineData(ModbusRegisterType.Int16, ModbusWordOrder.BigEndian, 0xFFFE, 0, -2)]
    [InlineData(ModbusRegisterType.Int16, ModbusWordOrder.ByteSwap, 0xFEFF, 0, -2)]
    [InlineData(ModbusRegisterType.UInt16, ModbusWordOrder.BigEndian, 0xFFFE, 0, 65534)]
    [InlineData(ModbusRegisterType.Int32, ModbusWordOrder.BigEndian, 0xFFFF, 0xFFFF, -1)]
    [InlineData(ModbusRegisterType.UInt32, ModbusWordOrder.BigEndian, 0xFFFF, 0xFFFF, 4294967295)]
    [InlineData(ModbusRegisterType.Int32, ModbusWordOrder.WordSwap, 0x0000, 0x8000, -2147483648)]
    public void TryInteger_TwosComplement_MatchesTheType(int type, int order, int r0, int r1, long expected)
    {
        Assert.True(ModbusValueDecoder.TryInteger(type, order, [(ushort)r0, (ushort)r1], 0, out var raw));
        Assert.Equal(expected, raw);
    }

    [Theory]
    // IEEE 754 binary32 bit patterns: 1.0, -2.0, 3.5, 10^7 are exact; 123.456 is 123.45600128...; 0.1 is 0.100000001...
    [InlineData(0x3F800000u, 3, 1000L)]
    [InlineData(0xC0000000u, 0, -2L)]
    [InlineData(0x40600000u, 1, 35L)]
    [InlineData(0x4B189680u, 0, 10000000L)]
    [InlineData(0x42F6E979u, 3, 123456L)]
    [InlineData(0x42F6E979u, 9, 123456001282L)]
    [InlineData(0x3DCCCCCDu, 9, 100000001L)]
    [InlineData(0x00000001u, 9, 0L)] // smallest subnormal, 1.4e-45
    [InlineData(0x80000000u, 3, 0L)] // negative zero
    [InlineData(0x3F000000u, 0, 1L)] // 0.5 rounds half away from zero
    [InlineData(0xBF000000u, 0, -1L)]
    public void TryFloat32_KnownBitPatterns_RoundToTheDecimals(uint bits, int decimals, long expected)
    {
        Assert.True(ModbusValueDecoder.TryFloat32(bits, decimals, out var mantissa));
        Assert.Equal(expected, mantissa);
    }

    [Theory]
    [InlineData(0x7F800000u)] // +infinity
    [InlineData(0xFF800000u)] // -infinity
    [InlineData(0x7FC00000u)] // quiet NaN
    [InlineData(0x7F7FFFFFu)] // largest finite, 3.4e38: beyond 64 bits
    public void TryFloat32_NotRepresentable_IsRefused(uint bits)
    {
        Assert.False(ModbusValueDecoder.TryFloat32(bits, 3, out _));
    }

    [Fact]
    public void TryFloat32_MatchesDotNetOnEveryExponent()
    {
        // Independent reference: .NET's own binary32 → decimal conversion, for values where decimal is exact enough.
        var random = new Random(754);
        for (var i = 0; i < 100_000; i++)
        {
            var bits = (uint)random.Next() ^ ((uint)random.Next(2) << 31);
            var value = BitConverter.UInt32BitsToSingle(bits);
            if (!float.IsFinite(value) || Math.Abs(value) > 1e9)
            {
                continue;
            }

            var expected = (long)Math.Round((decimal)(double)value * 1000m, MidpointRounding.AwayFromZero);
            Assert.True(ModbusValueDecoder.TryFloat32(bits, 3, out var mantissa));
            Assert.Equal(expected, mantissa);
        }
    }

    [Theory]
    // 10.00 l/s (raw 1000, scale 0.01) = 36 m³/h (× 3.6).
    [InlineData(ModbusQuantity.Flow, "l/s", 1000, 1, -2, 36000L, 3)]
    // 1234567 l (raw, scale 1) = 1234.567 m³.
    [InlineData(ModbusQuantity.Totaliser, "l", 1234567, 1, 0, 1234567L, 3)]
    // 4.5 kPa (raw 45, scale 0.1) = 45 hPa.
    [InlineData(ModbusQuantity.Pressure, "kPa", 45, 1, -1, 45L, 0)]
    // 350 × 0.01 bar = 3.5 bar = 3500 hPa.
    [InlineData(ModbusQuantity.Pressure, "bar", 350, 1, -2, 3500L, 0)]
    // 10 m of water (raw 10) = 98066.5 Pa = 980.665 hPa.
    [InlineData(ModbusQuantity.Pressure, "mH2O", 10, 1, 0, 9806650L, 4)]
    // 1234 mm = 1.234 m.
    [InlineData(ModbusQuantity.Level, "mm", 1234, 1, 0, 1234L, 3)]
    // 0.02 m³/s (raw 2, scale 0.01) = 72 m³/h.
    [InlineData(ModbusQuantity.Flow, "m3/s", 2, 1, -2, 72L, 0)]
    // Scale 10: raw 5 in 10 m³ steps = 50 m³.
    [InlineData(ModbusQuantity.Totaliser, "m3", 5, 1, 1, 50L, 0)]
    // Scale 2.5 (25 × 10^-1): raw 3 = 7.5 l/min = 0.45 m³/h.
    [InlineData(ModbusQuantity.Flow, "l/min", 3, 25, -1, 450L, 3)]
    public void Decode_UInt16InAUnit_GivesTheOutputUnitExactly(int quantity, string unit, int raw, int multiplier, int exponent, long mantissa, int scale)
    {
        var point = new ModbusPoint("x", quantity, ModbusTable.Input, 0, ModbusRegisterType.UInt32, ModbusWordOrder.BigEndian, multiplier, exponent, unit, 0);
        var value = new ModbusValue();

        Assert.True(ModbusValueDecoder.Decode(point, [(ushort)(raw >> 16), (ushort)raw], 0, value));
        Assert.Equal((mantissa, scale), (value.Mantissa, value.Scale));
    }

    [Fact]
    public void Decode_Float32WordSwapped_GivesTheValue()
    {
        // 123.456 m³/h as binary32 0x42F6E979, low word first.
        var point = new ModbusPoint("flow", ModbusQuantity.Flow, ModbusTable.Input, 0, ModbusRegisterType.Float32, ModbusWordOrder.WordSwap, 1, 0, "m3/h", 3);
        var value = new ModbusValue();

        Assert.True(ModbusValueDecoder.Decode(point, [0xE979, 0x42F6], 0, value));
        Assert.Equal((123456L, 3), (value.Mantissa, value.Scale));
        Assert.Equal("m3/h", point.OutputUnit);
    }

    [Fact]
    public void Decode_NaN_IsAnErrorNotAValue()
    {
        var point = new ModbusPoint("flow", ModbusQuantity.Flow, ModbusTable.Input, 0, ModbusRegisterType.Float32, ModbusWordOrder.BigEndian, 1, 0, "m3/h", 3);
        var value = new ModbusValue();

        Assert.False(ModbusValueDecoder.Decode(point, [0x7FC0, 0x0000], 0, value));
        Assert.False(value.IsValid);
        Assert.Contains("NaN", value.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryApply_Overflow_IsRefused()
    {
        Assert.False(ModbusValueDecoder.TryApply(4294967295, 980665L * 100000, 0, out _, out _));
        Assert.False(ModbusValueDecoder.TryApply(long.MaxValue / 5, 1, 1, out _, out _));
    }

    [Theory]
    [InlineData(ModbusQuantity.Pressure, "m3", "unit 'm3' is not one of Pa, hPa, mbar, kPa, bar, MPa, mH2O")]
    [InlineData(9, "m3", "measures must be flow, totaliser, pressure or level")]
    public void Check_BadPoint_NamesTheProblem(int quantity, string unit, string expected)
    {
        Assert.Equal(expected, ModbusPoint.Check("x", quantity, ModbusTable.Holding, 0, ModbusRegisterType.UInt16, 0, 1, 0, unit, 0));
        Assert.Throws<ArgumentException>(() => new ModbusPoint("x", quantity, ModbusTable.Holding, 0, ModbusRegisterType.UInt16, 0, 1, 0, unit, 0));
    }

    [Fact]
    public void Check_32BitPointAtTheLastAddress_IsRefused()
    {
        Assert.NotNull(ModbusPoint.Check("x", ModbusQuantity.Flow, ModbusTable.Holding, 65535, ModbusRegisterType.Float32, 0, 1, 0, "m3/h", 3));
        Assert.Null(ModbusPoint.Check("x", ModbusQuantity.Flow, ModbusTable.Holding, 65535, ModbusRegisterType.UInt16, 0, 1, 0, "m3/h", 0));
    }
}
