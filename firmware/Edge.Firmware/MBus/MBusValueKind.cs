namespace Edge.Firmware.MBus;

/// <summary>What <see cref="MBusRecord"/> carries as its value (constants, not an enum, to stay trivially portable).</summary>
public static class MBusValueKind
{
    /// <summary>No data (data field 0, EN 13757-3 §6.3.3 table 4).</summary>
    public const int None = 0;

    /// <summary>An exact decimal: <see cref="MBusRecord.Mantissa"/> × 10^<see cref="MBusRecord.Exponent"/> in the record's unit.</summary>
    public const int Decimal = 1;

    /// <summary>A 32-bit real (data field 5): <see cref="MBusRecord.Real"/> × 10^<see cref="MBusRecord.Exponent"/>.</summary>
    public const int Real = 2;

    /// <summary>A date (type G), <see cref="MBusRecord.Mantissa"/> = yyyymmdd.</summary>
    public const int Date = 3;

    /// <summary>A date and time (types F, I), <see cref="MBusRecord.Mantissa"/> = yyyymmddhhmmss.</summary>
    public const int DateTime = 4;

    /// <summary>A time of day (type J), <see cref="MBusRecord.Mantissa"/> = hhmmss.</summary>
    public const int Time = 5;

    /// <summary>ASCII text (variable length data, LVAR 0x00-0xBF), stored reversed as on the wire.</summary>
    public const int Text = 6;

    /// <summary>Raw bytes: binary variable length data, or manufacturer data after DIF 0x0F/0x1F.</summary>
    public const int Bytes = 7;

    /// <summary>A BCD field holding non-decimal digits (A-E): the meter signals an error; no value.</summary>
    public const int InvalidBcd = 8;
}
