namespace Edge.Firmware.Modbus;

/// <summary>
/// The register units a point may be in, per quantity, and their exact factor to the output unit as
/// multiplier × 10^exponent (SI Brochure 9th ed. tables 8 and 9: 1 l = 10⁻³ m³, 1 h = 3600 s, 1 bar = 10⁵ Pa;
/// 1 mH2O = 9806.65 Pa, the conventional metre of water with g = 9.806 65 m/s² and ρ = 1000 kg/m³).
/// </summary>
public static class ModbusUnits
{
    /// <summary>
    /// The factor of <paramref name="unit"/> for <paramref name="quantity"/>: value in the output unit =
    /// value × <paramref name="multiplier"/> × 10^<paramref name="exponent"/>. False for a unit the quantity does not take.
    /// </summary>
    public static bool TryGetFactor(int quantity, string unit, out int multiplier, out int exponent)
    {
        multiplier = 1;
        exponent = 0;
        switch (quantity)
        {
            case ModbusQuantity.Flow:
                return Flow(unit, ref multiplier, ref exponent);
            case ModbusQuantity.Totaliser:
                return Volume(unit, ref exponent);
            case ModbusQuantity.Pressure:
                return Pressure(unit, ref multiplier, ref exponent);
            case ModbusQuantity.Level:
                return Length(unit, ref exponent);
            default:
                return false;
        }
    }

    /// <summary>The units <paramref name="quantity"/> takes, for error messages.</summary>
    public static string Accepted(int quantity)
    {
        switch (quantity)
        {
            case ModbusQuantity.Flow: return "m3/h, m3/s, l/s, l/min, l/h";
            case ModbusQuantity.Totaliser: return "m3, l, dm3";
            case ModbusQuantity.Pressure: return "Pa, hPa, mbar, kPa, bar, MPa, mH2O";
            case ModbusQuantity.Level: return "m, cm, mm";
            default: return "none";
        }
    }

    private static bool Flow(string unit, ref int multiplier, ref int exponent)
    {
        switch (unit)
        {
            case "m3/h": return true;
            case "m3/s": multiplier = 36; exponent = 2; return true;   // × 3600
            case "l/s": multiplier = 36; exponent = -1; return true;   // × 3.6
            case "l/min": multiplier = 6; exponent = -2; return true;  // × 0.06
            case "l/h": exponent = -3; return true;
            default: return false;
        }
    }

    private static bool Volume(string unit, ref int exponent)
    {
        switch (unit)
        {
            case "m3": return true;
            case "l":
            case "dm3":
                exponent = -3;
                return true;
            default:
                return false;
        }
    }

    private static bool Pressure(string unit, ref int multiplier, ref int exponent)
    {
        switch (unit)
        {
            case "Pa": exponent = -2; return true;
            case "hPa":
            case "mbar":
                return true;
            case "kPa": exponent = 1; return true;
            case "bar": exponent = 3; return true;
            case "MPa": exponent = 4; return true;
            case "mH2O": multiplier = 980665; exponent = -4; return true; // 98.0665 hPa
            default: return false;
        }
    }

    private static bool Length(string unit, ref int exponent)
    {
        switch (unit)
        {
            case "m": return true;
            case "cm": exponent = -2; return true;
            case "mm": exponent = -3; return true;
            default: return false;
        }
    }
}
