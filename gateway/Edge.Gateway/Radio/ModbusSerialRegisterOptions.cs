namespace Edge.Gateway.Radio;

/// <summary>Where a Modbus meter keeps its serial number.</summary>
public sealed class ModbusSerialRegisterOptions
{
    /// <summary><c>holding</c> or <c>input</c>.</summary>
    public string Table { get; set; } = "holding";

    /// <summary>0-based register address.</summary>
    public int Address { get; set; }

    /// <summary><c>uint16</c> or <c>uint32</c>.</summary>
    public string Type { get; set; } = "uint32";

    /// <summary><c>ABCD</c>, <c>CDAB</c>, <c>BADC</c> or <c>DCBA</c>.</summary>
    public string WordOrder { get; set; } = "ABCD";
}
