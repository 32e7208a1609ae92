namespace Edge.Firmware.MBus;

/// <summary>Device type (medium) codes, EN 13757-7:2018 table 12 / OMS Vol. 2 table 2.</summary>
public static class MBusDeviceType
{
    /// <summary>Water (0x07).</summary>
    public const int Water = 0x07;

    /// <summary>True for the water meter types: warm (0x06), water (0x07), hot (0x15), cold (0x16), dual (0x17).</summary>
    public static bool IsWater(int type) => type == 0x06 || type == 0x07 || type == 0x15 || type == 0x16 || type == 0x17;

    /// <summary>Name of a device type.</summary>
    public static string Name(int type)
    {
        switch (type)
        {
            case 0x00: return "other";
            case 0x01: return "oil";
            case 0x02: return "electricity";
            case 0x03: return "gas";
            case 0x04: return "heat (outlet)";
            case 0x05: return "steam";
            case 0x06: return "warm water";
            case 0x07: return "water";
            case 0x08: return "heat cost allocator";
            case 0x09: return "compressed air";
            case 0x0A: return "cooling (outlet)";
            case 0x0B: return "cooling (inlet)";
            case 0x0C: return "heat (inlet)";
            case 0x0D: return "heat/cooling";
            case 0x0E: return "bus/system component";
            case 0x0F: return "unknown";
            case 0x15: return "hot water";
            case 0x16: return "cold water";
            case 0x17: return "dual register water";
            case 0x18: return "pressure";
            case 0x19: return "A/D converter";
            case 0x1A: return "smoke detector";
            case 0x1B: return "room sensor";
            case 0x1C: return "gas detector";
            case 0x20: return "breaker (electricity)";
            case 0x21: return "valve";
            case 0x25: return "customer unit";
            case 0x28: return "waste water";
            case 0x29: return "garbage";
            case 0x31: return "communication controller";
            case 0x32: return "unidirectional repeater";
            case 0x33: return "bidirectional repeater";
            case 0x36: return "radio converter (system side)";
            case 0x37: return "radio converter (meter side)";
            default: return "reserved";
        }
    }
}
