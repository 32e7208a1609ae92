namespace Edge.Firmware.Echonet;

/// <summary>
/// ECHONET object class codes (class group code × 256 + class code; APPENDIX Detailed Requirements for
/// ECHONET Device Objects, §2 and §3) for the classes Edge reads, with their English names.
/// </summary>
public static class EchonetClass
{
    /// <summary>Water flow meter (housing/facility group 0x02).</summary>
    public const int WaterFlowMeter = 0x0281;

    /// <summary>Gas meter.</summary>
    public const int GasMeter = 0x0282;

    /// <summary>Electric energy meter (the older, non-smart class).</summary>
    public const int ElectricEnergyMeter = 0x0280;

    /// <summary>Low-voltage smart electric energy meter (B-route).</summary>
    public const int LowVoltageSmartMeter = 0x0288;

    /// <summary>Controller (management/control group 0x05), the object a HEMS or gateway speaks as.</summary>
    public const int Controller = 0x05FF;

    /// <summary>Node profile (profile group 0x0E).</summary>
    public const int NodeProfile = 0x0EF0;

    /// <summary>Home air conditioner.</summary>
    public const int HomeAirConditioner = 0x0130;

    /// <summary>The controller object of this node, instance 1 (0x05FF01).</summary>
    public const int ControllerEoj = 0x05FF01;

    /// <summary>The node profile object, instance 1 (0x0EF001).</summary>
    public const int NodeProfileEoj = 0x0EF001;

    /// <summary>English name of a class, or null when this table does not know it.</summary>
    public static string? Name(int classCode)
    {
        switch (classCode)
        {
            case WaterFlowMeter: return "water flow meter";
            case GasMeter: return "gas meter";
            case ElectricEnergyMeter: return "electric energy meter";
            case LowVoltageSmartMeter: return "low-voltage smart electric energy meter";
            case 0x028A: return "high-voltage smart electric energy meter";
            case 0x0279: return "household solar power generation";
            case 0x027D: return "storage battery";
            case 0x026B: return "electric water heater";
            case 0x0290: return "general lighting";
            case Controller: return "controller";
            case NodeProfile: return "node profile";
            case HomeAirConditioner: return "home air conditioner";
            case 0x0011: return "temperature sensor";
            default: return null;
        }
    }

    /// <summary>True for the meters Edge reads a cumulative register of (water, gas, smart electricity).</summary>
    public static bool IsMeter(int classCode) =>
        classCode == WaterFlowMeter || classCode == GasMeter || classCode == LowVoltageSmartMeter;
}
