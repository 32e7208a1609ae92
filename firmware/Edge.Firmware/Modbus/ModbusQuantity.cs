namespace Edge.Firmware.Modbus;

/// <summary>What a point measures, and the unit its values come out in (the ingest's canonical unit of that quantity).</summary>
public static class ModbusQuantity
{
    /// <summary>Volume flow rate, out in m³/h (SenML-style symbol <c>m3/h</c>).</summary>
    public const int Flow = 0;

    /// <summary>A totaliser (volume register, forward or reverse), out in m³ (<c>m3</c>).</summary>
    public const int Totaliser = 1;

    /// <summary>Pressure, out in hPa (<c>hPa</c>, RFC 8798).</summary>
    public const int Pressure = 2;

    /// <summary>Water level, out in m (<c>m</c>).</summary>
    public const int Level = 3;

    /// <summary>The output unit symbol of <paramref name="quantity"/>, or null for an unknown one.</summary>
    public static string? OutputUnit(int quantity)
    {
        switch (quantity)
        {
            case Flow: return "m3/h";
            case Totaliser: return "m3";
            case Pressure: return "hPa";
            case Level: return "m";
            default: return null;
        }
    }

    /// <summary>Parses <c>flow</c>, <c>totaliser</c>, <c>pressure</c>, <c>level</c>; -1 otherwise.</summary>
    public static int Parse(string name)
    {
        switch (name)
        {
            case "flow": return Flow;
            case "totaliser": return Totaliser;
            case "pressure": return Pressure;
            case "level": return Level;
            default: return -1;
        }
    }
}
