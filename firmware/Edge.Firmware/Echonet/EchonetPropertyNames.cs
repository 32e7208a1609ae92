namespace Edge.Firmware.Echonet;

/// <summary>
/// English property names (EPC) per class: the device super class properties 0x80-0x9F (APPENDIX Detailed
/// Requirements for ECHONET Device Objects, chapter 2), the node profile (specification Part 2, chapter 6), and
/// the meter classes of the APPENDIX (Release F and later): water flow meter 0x0281, gas meter 0x0282 and
/// low-voltage smart electric energy meter 0x0288.
/// </summary>
public static class EchonetPropertyNames
{
    /// <summary>The property's name, or null when neither the class nor the super class defines it.</summary>
    public static string? Name(int classCode, int epc)
    {
        string? name;
        switch (classCode)
        {
            case EchonetClass.WaterFlowMeter: name = Water(epc); break;
            case EchonetClass.GasMeter: name = Gas(epc); break;
            case EchonetClass.LowVoltageSmartMeter: name = Smart(epc); break;
            case EchonetClass.NodeProfile: name = Node(epc); break;
            default: name = null; break;
        }

        return name ?? Super(epc);
    }

    private static string? Super(int epc)
    {
        switch (epc)
        {
            case 0x80: return "operation status";
            case 0x81: return "installation location";
            case 0x82: return "standard version information";
            case 0x83: return "identification number";
            case 0x84: return "measured instantaneous power consumption";
            case 0x85: return "measured cumulative electric energy consumption";
            case 0x86: return "manufacturer's fault code";
            case 0x87: return "current limit setting";
            case 0x88: return "fault status";
            case 0x89: return "fault description";
            case 0x8A: return "manufacturer code";
            case 0x8B: return "business facility code";
            case 0x8C: return "product code";
            case 0x8D: return "production number";
            case 0x8E: return "production date";
            case 0x8F: return "power-saving operation setting";
            case 0x93: return "remote control setting";
            case 0x97: return "current time setting";
            case 0x98: return "current date setting";
            case 0x99: return "power limit setting";
            case 0x9A: return "cumulative operating time";
            case 0x9B: return "SetM property map";
            case 0x9C: return "GetM property map";
            case 0x9D: return "status change announcement property map";
            case 0x9E: return "Set property map";
            case 0x9F: return "Get property map";
            default: return null;
        }
    }

    private static string? Node(int epc)
    {
        switch (epc)
        {
            case 0x82: return "version information";
            case 0x83: return "identification number";
            case 0xBF: return "unique identifier data";
            case 0xD3: return "number of self-node instances";
            case 0xD4: return "number of self-node classes";
            case 0xD5: return "instance list notification";
            case 0xD6: return "self-node instance list S";
            case 0xD7: return "self-node class list S";
            default: return null;
        }
    }

    private static string? Water(int epc)
    {
        switch (epc)
        {
            case 0xD0: return "water flow meter classification";
            case 0xD1: return "owner classification";
            case 0xE0: return "measured cumulative amount of flowing water";
            case 0xE1: return "unit for measured cumulative amounts of flowing water";
            case 0xE2: return "historical data of measured cumulative amounts of flowing water";
            case 0xE3: return "detection of abnormal value in metering data";
            case 0xE4: return "security data information";
            case 0xE5: return "ID number setting";
            case 0xE6: return "verification expiration information";
            default: return null;
        }
    }

    private static string? Gas(int epc)
    {
        switch (epc)
        {
            case 0xE0: return "measured cumulative gas consumption";
            case 0xE2: return "historical data of measured cumulative gas consumption";
            case 0xE3: return "detection of abnormal value in metering data";
            case 0xE4: return "security data information";
            case 0xE5: return "ID number setting";
            case 0xE6: return "verification expiration information";
            default: return null;
        }
    }

    private static string? Smart(int epc)
    {
        switch (epc)
        {
            case 0xD3: return "coefficient";
            case 0xD7: return "number of effective digits for cumulative amounts of electric energy";
            case 0xE0: return "measured cumulative amount of electric energy (normal direction)";
            case 0xE1: return "unit for cumulative amounts of electric energy (normal and reverse directions)";
            case 0xE2: return "historical data of measured cumulative amounts of electric energy 1 (normal direction)";
            case 0xE3: return "measured cumulative amount of electric energy (reverse direction)";
            case 0xE4: return "historical data of measured cumulative amounts of electric energy 1 (reverse direction)";
            case 0xE5: return "day for which the historical data of measured cumulative amounts of electric energy is to be retrieved 1";
            case 0xE7: return "measured instantaneous electric power";
            case 0xE8: return "measured instantaneous currents";
            case 0xEA: return "cumulative amounts of electric energy measured at fixed time (normal direction)";
            case 0xEB: return "cumulative amounts of electric energy measured at fixed time (reverse direction)";
            case 0xEC: return "historical data of measured cumulative amounts of electric energy 2 (normal and reverse directions)";
            case 0xED: return "day for which the historical data of measured cumulative amounts of electric energy is to be retrieved 2";
            default: return null;
        }
    }
}
