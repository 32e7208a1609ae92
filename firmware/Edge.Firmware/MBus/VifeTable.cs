namespace Edge.Firmware.MBus;

/// <summary>Combinable (orthogonal) VIFEs, EN 13757-3:2013 §6.4.5 table 15, and record errors, table 16.</summary>
internal static class VifeTable
{
    /// <summary>Applies combinable VIFE <paramref name="code"/> (extension bit removed) to <paramref name="r"/>.</summary>
    public static void Apply(int code, MBusRecord r)
    {
        if (code < 0x20)
        {
            // Table 16: error codes of a record reported by the slave (0 = none).
            r.RecordError = code;
            return;
        }

        if (code >= 0x70 && code < 0x78)
        {
            r.Exponent += (code & 0x07) - 6; // multiplicative correction factor 10^(nnn-6)
            return;
        }

        if (code >= 0x78 && code < 0x7C)
        {
            r.VifeFlags |= MBusVifeFlags.AdditiveCorrection; // additive constant 10^(nn-3) × unit: not applied
            return;
        }

        switch (code)
        {
            case 0x3B:
                r.VifeFlags |= MBusVifeFlags.AccumulationPositive;
                return;
            case 0x3C:
                r.VifeFlags |= MBusVifeFlags.AccumulationNegative;
                return;
            case 0x7D:
                r.Exponent += 3; // multiplicative correction factor 10^3
                return;
            case 0x7E:
                r.VifeFlags |= MBusVifeFlags.FutureValue;
                return;
            case 0x7F:
                r.VifeFlags |= MBusVifeFlags.ManufacturerSpecific;
                return;
        }

        var modifier = Modifier(code);
        if (modifier.Length == 0)
        {
            r.VifeFlags |= MBusVifeFlags.UnknownVife;
            return;
        }

        r.VifeFlags |= MBusVifeFlags.Modified;
        r.Modifier = r.Modifier.Length == 0 ? modifier : r.Modifier;
    }

    private static string Modifier(int code)
    {
        switch (code)
        {
            case 0x20: return "per second";
            case 0x21: return "per minute";
            case 0x22: return "per hour";
            case 0x23: return "per day";
            case 0x24: return "per week";
            case 0x25: return "per month";
            case 0x26: return "per year";
            case 0x27: return "per revolution/measurement";
            case 0x28: return "increment per input pulse on channel 0";
            case 0x29: return "increment per input pulse on channel 1";
            case 0x2A: return "increment per output pulse on channel 0";
            case 0x2B: return "increment per output pulse on channel 1";
            case 0x2C: return "per litre";
            case 0x2D: return "per m3";
            case 0x2E: return "per kg";
            case 0x2F: return "per K";
            case 0x30: return "per kWh";
            case 0x31: return "per GJ";
            case 0x32: return "per kW";
            case 0x33: return "per K*l";
            case 0x34: return "per V";
            case 0x35: return "per A";
            case 0x36: return "multiplied by s";
            case 0x37: return "multiplied by s/V";
            case 0x38: return "multiplied by s/A";
            case 0x39: return "start date/time of";
            case 0x3A: return "uncorrected unit";
            case 0x40: return "lower limit value";
            case 0x41: return "number of exceeds of lower limit";
            case 0x48: return "upper limit value";
            case 0x49: return "number of exceeds of upper limit";
            default:
                if (code >= 0x42 && code < 0x50)
                {
                    return "date of limit exceed";
                }

                if (code >= 0x50 && code < 0x70)
                {
                    return "duration of limit exceed";
                }

                return string.Empty;
        }
    }
}
