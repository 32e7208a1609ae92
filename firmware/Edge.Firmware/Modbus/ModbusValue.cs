namespace Edge.Firmware.Modbus;

/// <summary>The value of one <see cref="ModbusPoint"/> after a read: mantissa × 10^-scale in the point's output unit, or an error. Reused between reads.</summary>
public sealed class ModbusValue
{
    /// <summary>True when the last read gave a value.</summary>
    public bool IsValid { get; internal set; }

    /// <summary>The scaled integer value.</summary>
    public long Mantissa { get; internal set; }

    /// <summary>Decimal places (0..18).</summary>
    public int Scale { get; internal set; }

    /// <summary>Why the last read gave no value, or null.</summary>
    public string? Error { get; internal set; }

    internal void Set(long mantissa, int scale)
    {
        IsValid = true;
        Mantissa = mantissa;
        Scale = scale;
        Error = null;
    }

    internal void Fail(string error)
    {
        IsValid = false;
        Mantissa = 0;
        Scale = 0;
        Error = error;
    }
}
