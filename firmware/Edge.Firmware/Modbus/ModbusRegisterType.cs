namespace Edge.Firmware.Modbus;

/// <summary>How a point's registers encode its value. 16-bit types take one register, 32-bit types two.</summary>
public static class ModbusRegisterType
{
    /// <summary>Signed 16-bit, two's complement.</summary>
    public const int Int16 = 0;

    /// <summary>Unsigned 16-bit.</summary>
    public const int UInt16 = 1;

    /// <summary>Signed 32-bit, two's complement, in two registers.</summary>
    public const int Int32 = 2;

    /// <summary>Unsigned 32-bit in two registers.</summary>
    public const int UInt32 = 3;

    /// <summary>IEEE 754 binary32 in two registers.</summary>
    public const int Float32 = 4;

    /// <summary>Registers the type occupies.</summary>
    public static int RegisterCount(int type) => type == Int16 || type == UInt16 ? 1 : 2;

    /// <summary>Parses <c>int16</c>, <c>uint16</c>, <c>int32</c>, <c>uint32</c>, <c>float32</c>; -1 otherwise.</summary>
    public static int Parse(string name)
    {
        switch (name)
        {
            case "int16": return Int16;
            case "uint16": return UInt16;
            case "int32": return Int32;
            case "uint32": return UInt32;
            case "float32": return Float32;
            default: return -1;
        }
    }
}
