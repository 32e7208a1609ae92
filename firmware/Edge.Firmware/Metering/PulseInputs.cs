namespace Edge.Firmware.Metering;

/// <summary>Input numbers of a pulse meter interface (see <see cref="Hardware.IPulseInput"/>).</summary>
public static class PulseInputs
{
    /// <summary>Reed contact A: a pulse is counted on its debounced closing (rising level).</summary>
    public const int ReedA = 0;

    /// <summary>Reed contact B, a quarter turn behind A: its level when A closes gives the direction.</summary>
    public const int ReedB = 1;

    /// <summary>Tamper contact (magnet or cable cut detector).</summary>
    public const int Tamper = 2;

    /// <summary>Number of inputs the counter tracks.</summary>
    public const int Count = 3;
}
