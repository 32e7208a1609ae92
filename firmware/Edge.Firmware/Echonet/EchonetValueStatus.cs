namespace Edge.Firmware.Echonet;

/// <summary>
/// Whether a number is a value or one of the codes the APPENDIX reserves at the top of each data type's range
/// (overflow, underflow, "no data"): those never come out as values.
/// </summary>
public static class EchonetValueStatus
{
    /// <summary>A value inside the property's range.</summary>
    public const int Valid = 0;

    /// <summary>"No data" code, e.g. 0xFFFFFFFE in a historical data slot, 0x7FFE for the missing T phase.</summary>
    public const int NoData = 1;

    /// <summary>Overflow code (0xFFFFFFFF unsigned long, 0x7FFFFFFF signed long, 0x7FFF signed short).</summary>
    public const int Overflow = 2;

    /// <summary>Underflow code (0x80000000 signed long, 0x8000 signed short).</summary>
    public const int Underflow = 3;

    /// <summary>Outside the defined range and not a reserved code (e.g. above the meter's effective digits).</summary>
    public const int OutOfRange = 4;

    /// <summary>Name as used in JSON output.</summary>
    public static string Name(int status)
    {
        switch (status)
        {
            case Valid: return "valid";
            case NoData: return "no-data";
            case Overflow: return "overflow";
            case Underflow: return "underflow";
            default: return "out-of-range";
        }
    }
}
