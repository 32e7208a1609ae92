using System;

namespace Edge.Firmware.Modbus;

/// <summary>
/// One entry of a meter's register map: where a value lives (table, 0-based PDU address), how it is encoded (type,
/// word order), how the raw number becomes a value in the register's unit (× <see cref="ScaleMultiplier"/> ×
/// 10^<see cref="ScaleExponent"/>), that unit, and what it measures. Values come out in the quantity's output unit
/// (<see cref="ModbusQuantity.OutputUnit"/>) as mantissa × 10^-scale. Addresses are as sent on the wire: a datasheet's
/// "register 40001" or "30001" is address 0.
/// </summary>
public sealed class ModbusPoint
{
    /// <summary>Largest scale multiplier (keeps the integer arithmetic inside 64 bits).</summary>
    public const int MaxScaleMultiplier = 100000;

    /// <summary>Largest decimal places kept of a float32 value.</summary>
    public const int MaxDecimals = 9;

    /// <summary>Creates a point; see <see cref="Check"/> for the rules. <exception cref="ArgumentException">A rule is broken.</exception></summary>
    public ModbusPoint(string channel, int quantity, int table, int address, int type, int wordOrder, int scaleMultiplier, int scaleExponent, string unit, int decimals)
    {
        var error = Check(channel, quantity, table, address, type, wordOrder, scaleMultiplier, scaleExponent, unit, decimals);
        if (error != null)
        {
            throw new ArgumentException(error);
        }

        int unitMultiplier;
        int unitExponent;
        ModbusUnits.TryGetFactor(quantity, unit, out unitMultiplier, out unitExponent);
        Channel = channel;
        Quantity = quantity;
        Table = table;
        Address = address;
        Type = type;
        WordOrder = wordOrder;
        ScaleMultiplier = scaleMultiplier;
        ScaleExponent = scaleExponent;
        Unit = unit;
        Decimals = decimals;
        Multiplier = (long)scaleMultiplier * unitMultiplier;
        Exponent = scaleExponent + unitExponent;
        OutputUnit = ModbusQuantity.OutputUnit(quantity)!;
    }

    /// <summary>Channel name the values are stored under, e.g. <c>flow</c>, <c>volume</c>, <c>volume-reverse</c>, <c>pressure</c>.</summary>
    public string Channel { get; }

    /// <summary>What it measures (<see cref="ModbusQuantity"/>).</summary>
    public int Quantity { get; }

    /// <summary>Register table (<see cref="ModbusTable"/>).</summary>
    public int Table { get; }

    /// <summary>0-based register address (PDU address).</summary>
    public int Address { get; }

    /// <summary>Encoding (<see cref="ModbusRegisterType"/>).</summary>
    public int Type { get; }

    /// <summary>Byte and word order (<see cref="ModbusWordOrder"/>).</summary>
    public int WordOrder { get; }

    /// <summary>Raw value × this × 10^<see cref="ScaleExponent"/> = value in <see cref="Unit"/>.</summary>
    public int ScaleMultiplier { get; }

    /// <summary>Decimal exponent of the scale (-9..9).</summary>
    public int ScaleExponent { get; }

    /// <summary>Unit of the scaled register value (<see cref="ModbusUnits"/>).</summary>
    public string Unit { get; }

    /// <summary>float32 only: decimal places of the register value kept (0..9), rounded half away from zero.</summary>
    public int Decimals { get; }

    /// <summary>Registers the point occupies.</summary>
    public int RegisterCount => ModbusRegisterType.RegisterCount(Type);

    /// <summary>Unit of the values out (<see cref="ModbusQuantity.OutputUnit"/>).</summary>
    public string OutputUnit { get; }

    /// <summary>Scale multiplier × the unit's multiplier.</summary>
    internal long Multiplier { get; }

    /// <summary>Scale exponent + the unit's exponent.</summary>
    internal int Exponent { get; }

    /// <summary>Why these settings do not make a point, or null when they do.</summary>
    public static string? Check(string channel, int quantity, int table, int address, int type, int wordOrder, int scaleMultiplier, int scaleExponent, string unit, int decimals)
    {
        if (channel == null || channel.Length == 0)
        {
            return "a channel name is required";
        }

        if (ModbusQuantity.OutputUnit(quantity) == null)
        {
            return "measures must be flow, totaliser, pressure or level";
        }

        if (table != ModbusTable.Holding && table != ModbusTable.Input)
        {
            return "table must be holding or input";
        }

        if (type < ModbusRegisterType.Int16 || type > ModbusRegisterType.Float32)
        {
            return "type must be int16, uint16, int32, uint32 or float32";
        }

        if (address < 0 || address + ModbusRegisterType.RegisterCount(type) > 0x10000)
        {
            return "address " + address.ToString() + " is outside 0..65535 for its type";
        }

        if (wordOrder < ModbusWordOrder.BigEndian || wordOrder > ModbusWordOrder.LittleEndian)
        {
            return "word order must be ABCD, CDAB, BADC or DCBA";
        }

        if (scaleMultiplier < 1 || scaleMultiplier > MaxScaleMultiplier || scaleExponent < -9 || scaleExponent > 9)
        {
            return "scale must be m × 10^e with m 1..100000 and e -9..9";
        }

        int m;
        int e;
        if (unit == null || !ModbusUnits.TryGetFactor(quantity, unit, out m, out e))
        {
            return "unit '" + (unit ?? string.Empty) + "' is not one of " + ModbusUnits.Accepted(quantity);
        }

        if (decimals < 0 || decimals > MaxDecimals)
        {
            return "decimals must be 0..9";
        }

        return null;
    }
}
