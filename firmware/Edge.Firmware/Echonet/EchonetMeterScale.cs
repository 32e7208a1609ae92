namespace Edge.Firmware.Echonet;

/// <summary>
/// What a meter says about its own registers, needed to turn raw cumulative values into SI units: the smart
/// electric meter's coefficient (0xD3) and effective digits (0xD7), and the unit code (0xE1) of the smart
/// electric meter or the water flow meter. Keep one per meter; <see cref="EchonetPropertyDecoder"/> updates
/// it from every frame it decodes and reads it when scaling.
/// </summary>
public sealed class EchonetMeterScale
{
    /// <summary>Coefficient 0xD3 (1-999999); 1 until the meter reports one (APPENDIX: absent means 1).</summary>
    public long Coefficient = 1;

    /// <summary>Effective digits 0xD7 (1-8) of the cumulative registers, 0 when unknown.</summary>
    public int EffectiveDigits;

    /// <summary>Unit code 0xE1, -1 until the meter reports it.</summary>
    public int UnitCode = -1;

    /// <summary>Forgets everything (a different meter, or the meter restarted).</summary>
    public void Reset()
    {
        Coefficient = 1;
        EffectiveDigits = 0;
        UnitCode = -1;
    }

    /// <summary>
    /// Decimal exponent of unit code <paramref name="code"/> of 0xE1 for a class (APPENDIX, Release F and later).
    /// Smart electric meter 0x0288: 0x00 = 1 kWh, 0x01 = 0.1, 0x02 = 0.01, 0x03 = 0.001, 0x04 = 0.0001,
    /// 0x0A = 10, 0x0B = 100, 0x0C = 1000, 0x0D = 10000 kWh. Water flow meter 0x0281: 0x00 = 1 m3 down to
    /// 0x06 = 0.000001 m3. False for reserved codes and other classes.
    /// </summary>
    public static bool TryUnitExponent(int classCode, int code, out int exponent)
    {
        exponent = 0;
        if (classCode == EchonetClass.LowVoltageSmartMeter)
        {
            if (code >= 0x00 && code <= 0x04)
            {
                exponent = -code;
                return true;
            }

            if (code >= 0x0A && code <= 0x0D)
            {
                exponent = code - 0x09;
                return true;
            }

            return false;
        }

        if (classCode == EchonetClass.WaterFlowMeter && code >= 0x00 && code <= 0x06)
        {
            exponent = -code;
            return true;
        }

        return false;
    }
}
