namespace Edge.HwSim.Sensors;

/// <summary>
/// The datasheet's floating-point compensation (BME280 BST-BME280-DS002 §8.1, BMP280 §8.1) and its inverse:
/// the model turns physical values into the raw ADC codes a real sensor with this trimming would output.
/// </summary>
public static class Bmx280Physics
{
    /// <summary>t_fine (double) for a 20-bit adc_T.</summary>
    public static double TemperatureFine(Bmx280Trimming c, double adcT)
    {
        var var1 = ((adcT / 16384.0) - (c.T1 / 1024.0)) * c.T2;
        var d = (adcT / 131072.0) - (c.T1 / 8192.0);
        return var1 + (d * d * c.T3);
    }

    /// <summary>Pressure, Pa, for a 20-bit adc_P.</summary>
    public static double PressurePa(Bmx280Trimming c, double adcP, double tFine)
    {
        var var1 = (tFine / 2.0) - 64000.0;
        var var2 = var1 * var1 * c.P6 / 32768.0;
        var2 += var1 * c.P5 * 2.0;
        var2 = (var2 / 4.0) + (c.P4 * 65536.0);
        var1 = ((c.P3 * var1 * var1 / 524288.0) + (c.P2 * var1)) / 524288.0;
        var1 = (1.0 + (var1 / 32768.0)) * c.P1;
        if (var1 == 0.0)
        {
            return 0;
        }

        var p = 1048576.0 - adcP;
        p = (p - (var2 / 4096.0)) * 6250.0 / var1;
        return p + (((c.P9 * p * p / 2147483648.0) + (p * c.P8 / 32768.0) + c.P7) / 16.0);
    }

    /// <summary>Relative humidity, % (not clamped), for a 16-bit adc_H.</summary>
    public static double HumidityPercent(Bmx280Trimming c, double adcH, double tFine)
    {
        var h = tFine - 76800.0;
        h = (adcH - ((c.H4 * 64.0) + (c.H5 / 16384.0 * h)))
            * (c.H2 / 65536.0 * (1.0 + (c.H6 / 67108864.0 * h * (1.0 + (c.H3 / 67108864.0 * h)))));
        return h * (1.0 - (c.H1 * h / 524288.0));
    }

    /// <summary>The adc_T whose compensated temperature is nearest <paramref name="celsius"/>.</summary>
    public static int AdcTemperature(Bmx280Trimming c, double celsius) =>
        Search(0, (1 << 20) - 1, adc => TemperatureFine(c, adc) / 5120.0, celsius);

    /// <summary>The adc_P whose compensated pressure is nearest <paramref name="pascals"/> at this temperature.</summary>
    public static int AdcPressure(Bmx280Trimming c, double pascals, int adcT)
    {
        var tFine = TemperatureFine(c, adcT);
        return Search(0, (1 << 20) - 1, adc => -PressurePa(c, adc, tFine), -pascals);
    }

    /// <summary>The adc_H whose compensated humidity is nearest <paramref name="percent"/> at this temperature.</summary>
    public static int AdcHumidity(Bmx280Trimming c, double percent, int adcT)
    {
        var tFine = TemperatureFine(c, adcT);
        return Search(0, 0xFFFF, adc => HumidityPercent(c, adc, tFine), percent);
    }

    // Binary search over an increasing function for the argument whose value is nearest the target.
    private static int Search(int low, int high, Func<int, double> f, double target)
    {
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (f(mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Abs(f(low) - target) <= Math.Abs(f(high) - target) ? low : high;
    }
}
