namespace Edge.Firmware.MBus;

/// <summary>The function field of a DIF (EN 13757-3 §6.3.2, bits 4-5).</summary>
public static class MBusFunction
{
    /// <summary>Instantaneous value.</summary>
    public const int Instantaneous = 0;

    /// <summary>Maximum value.</summary>
    public const int Maximum = 1;

    /// <summary>Minimum value.</summary>
    public const int Minimum = 2;

    /// <summary>Value during error state.</summary>
    public const int ErrorState = 3;

    /// <summary>Name of a function code.</summary>
    public static string Name(int function)
    {
        switch (function)
        {
            case Maximum: return "maximum";
            case Minimum: return "minimum";
            case ErrorState: return "error-state";
            default: return "instantaneous";
        }
    }
}
