namespace Edge.Firmware.MBus;

/// <summary>
/// Units of decoded values. Values are scaled to these base units: energy in Wh (or J where the meter
/// counts joules), volume m3, mass kg, power W (or J/h), flows per hour, temperatures °C (differences in K),
/// pressure bar (as the standard gives it), durations in seconds, voltage V, current A.
/// </summary>
public static class MBusUnit
{
    /// <summary>No unit (identifiers, counters, flags).</summary>
    public const string None = "";

    /// <summary>Watt hours.</summary>
    public const string WattHour = "Wh";

    /// <summary>Joules.</summary>
    public const string Joule = "J";

    /// <summary>Cubic metres.</summary>
    public const string CubicMetre = "m3";

    /// <summary>Kilograms.</summary>
    public const string Kilogram = "kg";

    /// <summary>Seconds.</summary>
    public const string Second = "s";

    /// <summary>Watts.</summary>
    public const string Watt = "W";

    /// <summary>Joules per hour.</summary>
    public const string JoulePerHour = "J/h";

    /// <summary>Cubic metres per hour (m3/min and m3/s VIFs are converted).</summary>
    public const string CubicMetrePerHour = "m3/h";

    /// <summary>Kilograms per hour.</summary>
    public const string KilogramPerHour = "kg/h";

    /// <summary>Degrees Celsius.</summary>
    public const string Celsius = "°C";

    /// <summary>Kelvin (temperature differences).</summary>
    public const string Kelvin = "K";

    /// <summary>Bar.</summary>
    public const string Bar = "bar";

    /// <summary>Volts.</summary>
    public const string Volt = "V";

    /// <summary>Amperes.</summary>
    public const string Ampere = "A";

    /// <summary>Heat cost allocator units.</summary>
    public const string HcaUnits = "HCA";

    /// <summary>Percent (relative humidity).</summary>
    public const string Percent = "%";

    /// <summary>Hertz.</summary>
    public const string Hertz = "Hz";

    /// <summary>Degrees Fahrenheit (FB table; not converted).</summary>
    public const string Fahrenheit = "°F";

    /// <summary>Decibel milliwatt (RF level).</summary>
    public const string Dbm = "dBm";

    /// <summary>Currency units (credit/debit).</summary>
    public const string Currency = "currency";

    /// <summary>Reactive energy, kVARh scaled to VARh.</summary>
    public const string VarHour = "VARh";

    /// <summary>Months (storage intervals and tariff periods that do not convert to seconds).</summary>
    public const string Month = "month";

    /// <summary>Years.</summary>
    public const string Year = "year";
}
