namespace Edge.Firmware.Modbus;

/// <summary>
/// Pure conversions from registers to values: word and byte order, two's complement, IEEE 754 binary32 decoded with
/// integer arithmetic only, then the point's scale and unit factor. nanoFramework's mscorlib has BitConverter.ToSingle
/// but no Math to round with; decoding the bits ourselves rounds exactly once and gives the same digits on host and
/// device. No allocation.
/// </summary>
public static class ModbusValueDecoder
{
    /// <summary>Largest decimal scale of a value out (the store keeps 0..18).</summary>
    public const int MaxScale = 18;

    private const string Overflow = "value out of range";
    private const string NotANumber = "float32 register holds NaN or infinity";

    /// <summary>Register <paramref name="register"/> with its bytes swapped when <paramref name="order"/> says so.</summary>
    public static int Word16(int register, int order) =>
        ModbusWordOrder.SwapsBytes(order) ? ((register & 0xFF) << 8) | ((register >> 8) & 0xFF) : register & 0xFFFF;

    /// <summary>The 32 bits A B C D of two registers at <paramref name="index"/> in <paramref name="order"/>.</summary>
    public static uint Word32(ushort[] registers, int index, int order)
    {
        var first = (uint)Word16(registers[index], order);
        var second = (uint)Word16(registers[index + 1], order);
        return ModbusWordOrder.SwapsWords(order) ? (second << 16) | first : (first << 16) | second;
    }

    /// <summary>The integer of an int16/uint16/int32/uint32 point's registers; false for float32.</summary>
    public static bool TryInteger(int type, int order, ushort[] registers, int index, out long raw)
    {
        switch (type)
        {
            case ModbusRegisterType.Int16:
                raw = (short)Word16(registers[index], order);
                return true;
            case ModbusRegisterType.UInt16:
                raw = Word16(registers[index], order);
                return true;
            case ModbusRegisterType.Int32:
                raw = (int)Word32(registers, index, order);
                return true;
            case ModbusRegisterType.UInt32:
                raw = Word32(registers, index, order);
                return true;
            default:
                raw = 0;
                return false;
        }
    }

    /// <summary>
    /// round(value × 10^<paramref name="decimals"/>) of the binary32 <paramref name="bits"/>, half away from zero, exact
    /// (IEEE 754-2008 §3.4: sign, 8-bit biased exponent, 23-bit fraction; exponent 0 is subnormal, 255 NaN or infinity).
    /// False for NaN, infinity or a result beyond 64 bits.
    /// </summary>
    public static bool TryFloat32(uint bits, int decimals, out long mantissa)
    {
        mantissa = 0;
        var biased = (int)((bits >> 23) & 0xFF);
        long significand = bits & 0x7FFFFF;
        if (biased == 0xFF || decimals < 0 || decimals > ModbusPoint.MaxDecimals)
        {
            return false;
        }

        // value = significand × 2^exponent exactly.
        int exponent;
        if (biased == 0)
        {
            exponent = -149;
        }
        else
        {
            significand |= 0x800000;
            exponent = biased - 150;
        }

        var product = significand;
        for (var i = 0; i < decimals; i++)
        {
            product *= 10; // < 2^24 × 10^9 < 2^54
        }

        long magnitude;
        if (exponent >= 0)
        {
            if (exponent > 62 || product > (long.MaxValue >> exponent))
            {
                return false;
            }

            magnitude = product << exponent;
        }
        else
        {
            var shift = -exponent;
            magnitude = shift > 62 ? 0 : (product + (1L << (shift - 1))) >> shift;
        }

        mantissa = (bits & 0x80000000u) != 0 ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Decodes <paramref name="point"/> from <paramref name="registers"/> at <paramref name="index"/> into <paramref name="value"/>; false (with its Error) when it has none.</summary>
    public static bool Decode(ModbusPoint point, ushort[] registers, int index, ModbusValue value)
    {
        long raw;
        var decimals = 0;
        if (point.Type == ModbusRegisterType.Float32)
        {
            decimals = point.Decimals;
            if (!TryFloat32(Word32(registers, index, point.WordOrder), decimals, out raw))
            {
                value.Fail(((Word32(registers, index, point.WordOrder) >> 23) & 0xFF) == 0xFF ? NotANumber : Overflow);
                return false;
            }
        }
        else
        {
            TryInteger(point.Type, point.WordOrder, registers, index, out raw);
        }

        long mantissa;
        int scale;
        if (!TryApply(raw, point.Multiplier, point.Exponent - decimals, out mantissa, out scale))
        {
            value.Fail(Overflow);
            return false;
        }

        value.Set(mantissa, scale);
        return true;
    }

    /// <summary>raw × <paramref name="multiplier"/> × 10^<paramref name="exponent"/> as mantissa × 10^-scale with scale 0..18; false on overflow.</summary>
    public static bool TryApply(long raw, long multiplier, int exponent, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var magnitude = raw < 0 ? -raw : raw;
        if (raw == long.MinValue || multiplier <= 0 || magnitude > long.MaxValue / multiplier)
        {
            return false;
        }

        magnitude *= multiplier;
        for (; exponent > 0; exponent--)
        {
            if (magnitude > long.MaxValue / 10)
            {
                return false;
            }

            magnitude *= 10;
        }

        scale = -exponent;
        for (; scale > MaxScale; scale--)
        {
            magnitude = (magnitude + 5) / 10;
        }

        mantissa = raw < 0 ? -magnitude : magnitude;
        return true;
    }
}
