namespace Edge.Gateway.Radio;

/// <summary>Values of <see cref="SerialInputOptions.Kind"/>.</summary>
public static class InputKinds
{
    /// <summary>IMST iM871A wM-Bus USB stick (HCI frames, 57600 baud 8N1).</summary>
    public const string Im871a = "im871a";

    /// <summary>A receiver printing one telegram per line, as rtl-wmbus does (or bare hex).</summary>
    public const string HexLines = "hexlines";

    /// <summary>A wired M-Bus level converter: the gateway is the master (2400 baud 8E1).</summary>
    public const string MBusMaster = "mbus-master";

    /// <summary>A Wi-SUN module (SKSTACK-IP: ROHM BP35A1 / BP35C0) reaching a smart meter's B-route (115200 8N1).</summary>
    public const string WisunBroute = "wisun-broute";

    /// <summary>An RS-485 Modbus RTU line: the gateway is the master (19200 baud 8E1 by default, MODBUS over Serial Line §2.5.1).</summary>
    public const string ModbusRtu = "modbus-rtu";

    /// <summary>All kinds.</summary>
    public static readonly string[] All = [Im871a, HexLines, MBusMaster, WisunBroute, ModbusRtu];

    /// <summary>The usual speed of a kind.</summary>
    public static int DefaultBaud(string kind) => kind switch
    {
        Im871a => 57600,
        MBusMaster => 2400,
        ModbusRtu => 19200,
        _ => 115200,
    };
}
