using Edge.Firmware.Modbus;

namespace Edge.Gateway.Radio;

/// <summary>Turns configured registers into the firmware's <see cref="ModbusPoint"/>s, naming every problem with its key.</summary>
internal static class ModbusMap
{
    /// <summary>The points of <paramref name="registers"/>; problems go to <paramref name="errors"/> under <paramref name="key"/> (then the result is partial).</summary>
    public static List<ModbusPoint> Build(IReadOnlyList<ModbusRegisterOptions> registers, string key, List<string> errors)
    {
        var points = new List<ModbusPoint>();
        var channels = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < registers.Count; k++)
        {
            var r = registers[k];
            var at = $"{key}:{k}";
            var quantity = ModbusQuantity.Parse(r.Measures);
            var table = ModbusTable.Parse(r.Table);
            var type = ModbusRegisterType.Parse(r.Type);
            var order = ModbusWordOrder.Parse(r.WordOrder);
            if (quantity < 0 || table < 0 || type < 0 || order < 0)
            {
                errors.Add($"{at}: Measures '{r.Measures}', Table '{r.Table}', Type '{r.Type}' or WordOrder '{r.WordOrder}' is not one of " +
                    "flow/totaliser/pressure/level, holding/input, int16/uint16/int32/uint32/float32, ABCD/CDAB/BADC/DCBA");
                continue;
            }

            if (!TrySplitScale(r.Scale, out var multiplier, out var exponent))
            {
                errors.Add($"{at}:Scale {r.Scale} must be positive with at most 5 significant digits, 1e-9..1e9 (e.g. 0.01, 10, 2.5)");
                continue;
            }

            var problem = ModbusPoint.Check(r.Channel, quantity, table, r.Address, type, order, multiplier, exponent, r.Unit, r.Decimals);
            if (problem is not null)
            {
                errors.Add($"{at}: {problem}");
                continue;
            }

            if (!channels.Add(r.Channel))
            {
                errors.Add($"{at}:Channel '{r.Channel}' is used twice");
                continue;
            }

            points.Add(new ModbusPoint(r.Channel, quantity, table, r.Address, type, order, multiplier, exponent, r.Unit, r.Decimals));
        }

        return points;
    }

    /// <summary>Splits <paramref name="scale"/> into multiplier × 10^exponent exactly (0.01 → 1 × 10^-2, 2.5 → 25 × 10^-1, 100 → 1 × 10^2).</summary>
    public static bool TrySplitScale(decimal scale, out int multiplier, out int exponent)
    {
        multiplier = 0;
        exponent = 0;
        if (scale <= 0m)
        {
            return false;
        }

        var bits = decimal.GetBits(scale);
        var mantissa = new System.Numerics.BigInteger((uint)bits[0]) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | (new System.Numerics.BigInteger((uint)bits[2]) << 64);
        var e = -((bits[3] >> 16) & 0xFF);
        while (!mantissa.IsZero && mantissa % 10 == 0)
        {
            mantissa /= 10;
            e++;
        }

        if (mantissa > ModbusPoint.MaxScaleMultiplier || e is < -9 or > 9)
        {
            return false;
        }

        multiplier = (int)mantissa;
        exponent = e;
        return true;
    }
}
