namespace Edge.Firmware.Modbus;

/// <summary>Which register table a point lives in (MODBUS Application Protocol V1.1b3 §4.3).</summary>
public static class ModbusTable
{
    /// <summary>Holding registers, read with function 03.</summary>
    public const int Holding = 0;

    /// <summary>Input registers (read-only), read with function 04.</summary>
    public const int Input = 1;

    /// <summary>The read function of <paramref name="table"/>.</summary>
    public static int ReadFunction(int table) =>
        table == Input ? ModbusFunction.ReadInputRegisters : ModbusFunction.ReadHoldingRegisters;

    /// <summary>Parses <c>holding</c> or <c>input</c>; -1 otherwise.</summary>
    public static int Parse(string name)
    {
        if (name == "holding")
        {
            return Holding;
        }

        return name == "input" ? Input : -1;
    }
}
