namespace Edge.Firmware.MBus;

/// <summary>Flags from combinable (orthogonal) VIFEs, EN 13757-3 §6.4.4 table 15.</summary>
public static class MBusVifeFlags
{
    /// <summary>VIFE 0x3B: accumulation only of positive contributions (forward).</summary>
    public const int AccumulationPositive = 0x01;

    /// <summary>VIFE 0x3C: accumulation of the absolute value of negative contributions only (backward).</summary>
    public const int AccumulationNegative = 0x02;

    /// <summary>VIFE 0x7F (or VIF 0x7F/0xFF): the rest of the VIB is manufacturer specific.</summary>
    public const int ManufacturerSpecific = 0x04;

    /// <summary>VIFE 0x78-0x7B: an additive correction constant applies (not applied to the value).</summary>
    public const int AdditiveCorrection = 0x08;

    /// <summary>A combinable VIFE changed the meaning (per time unit, limit, date of ...): see Modifier.</summary>
    public const int Modified = 0x10;

    /// <summary>A VIFE not known to this decoder was present.</summary>
    public const int UnknownVife = 0x20;

    /// <summary>VIFE 0x7E: future value.</summary>
    public const int FutureValue = 0x40;
}
