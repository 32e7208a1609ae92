namespace Edge.Firmware.Modbus;

/// <summary>Function codes the master uses (MODBUS Application Protocol V1.1b3 §6).</summary>
public static class ModbusFunction
{
    /// <summary>0x03 Read Holding Registers (§6.3).</summary>
    public const int ReadHoldingRegisters = 0x03;

    /// <summary>0x04 Read Input Registers (§6.4).</summary>
    public const int ReadInputRegisters = 0x04;

    /// <summary>0x06 Write Single Register (§6.6).</summary>
    public const int WriteSingleRegister = 0x06;

    /// <summary>0x10 Write Multiple Registers (§6.12).</summary>
    public const int WriteMultipleRegisters = 0x10;

    /// <summary>Bit set in the function code of an exception response (§7).</summary>
    public const int ExceptionFlag = 0x80;

    /// <summary>Most registers one 0x03/0x04 request may read (§6.3: 1 to 125).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Most registers one 0x10 request may write (§6.12: 1 to 123).</summary>
    public const int MaxWriteRegisters = 123;
}
