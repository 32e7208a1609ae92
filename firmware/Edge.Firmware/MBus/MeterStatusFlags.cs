namespace Edge.Firmware.MBus;

/// <summary>
/// Meter condition flags of ours, independent of the manufacturer: filled from the transport layer status
/// byte (EN 13757-3 §6.2.3) and from manufacturer records such as Kamstrup's info codes. These become the
/// meter events of DESIGN.md (leak, burst, backflow, tamper, dry, low battery).
/// </summary>
public static class MeterStatusFlags
{
    /// <summary>The meter runs dry (no water in the measuring tube).</summary>
    public const int Dry = 0x0001;

    /// <summary>Water flows backwards through the meter (backflow).</summary>
    public const int Reverse = 0x0002;

    /// <summary>Continuous small flow: a leak after the meter.</summary>
    public const int Leak = 0x0004;

    /// <summary>Flow far above normal: a burst pipe.</summary>
    public const int Burst = 0x0008;

    /// <summary>The meter was opened or manipulated (magnet, removal).</summary>
    public const int Tamper = 0x0010;

    /// <summary>Battery low (also the "power low" bit of the status byte).</summary>
    public const int LowBattery = 0x0020;

    /// <summary>Ambient temperature below the meter's range (frost risk).</summary>
    public const int LowAmbientTemperature = 0x0040;

    /// <summary>Flow above the overload flow rate Q4.</summary>
    public const int FlowAboveQ4 = 0x0080;

    /// <summary>No consumption for a long time.</summary>
    public const int NoConsumption = 0x0100;

    /// <summary>The meter reports a permanent error (status byte bit 3).</summary>
    public const int PermanentError = 0x0200;

    /// <summary>The meter reports a temporary error (status byte bit 4).</summary>
    public const int TemporaryError = 0x0400;

    /// <summary>The meter reports an application error or alarm (status byte bits 0-1 = 10 or 11).</summary>
    public const int ApplicationError = 0x0800;

    /// <summary>The manufacturer status has bits set that we do not know (see <see cref="MBusTelegram.ManufacturerStatus"/>).</summary>
    public const int Unknown = 0x1000;

    private static readonly string[] _names =
    {
        "DRY", "REVERSE", "LEAK", "BURST", "TAMPER", "LOW_BATTERY", "LOW_AMBIENT_TEMPERATURE", "FLOW_ABOVE_Q4",
        "NO_CONSUMPTION", "PERMANENT_ERROR", "TEMPORARY_ERROR", "APPLICATION_ERROR", "UNKNOWN",
    };

    /// <summary>Number of defined flags (bits 0 to Count - 1).</summary>
    public static int Count => _names.Length;

    /// <summary>Name of flag bit <paramref name="bit"/> (0 ≤ bit &lt; <see cref="Count"/>), e.g. "LEAK".</summary>
    public static string Name(int bit) => _names[bit];

    /// <summary>Names of the set flags, space separated; "OK" when none (allocates: for tools).</summary>
    public static string Describe(int flags)
    {
        var text = string.Empty;
        for (var bit = 0; bit < _names.Length; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                text = text.Length == 0 ? _names[bit] : text + " " + _names[bit];
            }
        }

        return text.Length == 0 ? "OK" : text;
    }

    /// <summary>
    /// Text of a 3-bit duration code of <see cref="MBusTelegram.StatusDurations"/> (Kamstrup's classes:
    /// 0 none, 1 "1-8 hours", 2 "9-24 hours", 3 "2-3 days", 4 "4-7 days", 5 "8-14 days", 6 "15-21 days",
    /// 7 "22-31 days").
    /// </summary>
    public static string DurationText(int code)
    {
        switch (code & 0x7)
        {
            case 1: return "1-8 hours";
            case 2: return "9-24 hours";
            case 3: return "2-3 days";
            case 4: return "4-7 days";
            case 5: return "8-14 days";
            case 6: return "15-21 days";
            case 7: return "22-31 days";
            default: return string.Empty;
        }
    }

    /// <summary>Duration code of flag <paramref name="flag"/> (Dry, Reverse, Leak or Burst) in <paramref name="durations"/>.</summary>
    public static int Duration(int durations, int flag)
    {
        switch (flag)
        {
            case Dry: return durations & 0x7;
            case Reverse: return (durations >> 3) & 0x7;
            case Leak: return (durations >> 6) & 0x7;
            case Burst: return (durations >> 9) & 0x7;
            default: return 0;
        }
    }
}
