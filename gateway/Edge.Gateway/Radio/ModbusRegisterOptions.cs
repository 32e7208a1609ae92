namespace Edge.Gateway.Radio;

/// <summary>One register of a Modbus meter's map (<c>Edge:Gateway:Inputs:N:Registers:K</c> or a slave's own <c>Registers</c>).</summary>
public sealed class ModbusRegisterOptions
{
    /// <summary>Channel the values are stored under, e.g. <c>flow</c>, <c>volume</c>, <c>volume-reverse</c>, <c>pressure</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary><c>flow</c> (out in m3/h), <c>totaliser</c> (m3), <c>pressure</c> (hPa) or <c>level</c> (m).</summary>
    public string Measures { get; set; } = "";

    /// <summary><c>holding</c> (function 03) or <c>input</c> (function 04).</summary>
    public string Table { get; set; } = "holding";

    /// <summary>0-based register address as sent on the wire (datasheet register 40001 or 30001 is 0).</summary>
    public int Address { get; set; }

    /// <summary><c>int16</c>, <c>uint16</c>, <c>int32</c>, <c>uint32</c> or <c>float32</c>.</summary>
    public string Type { get; set; } = "uint16";

    /// <summary>Order of the bytes of 32-bit values: <c>ABCD</c>, <c>CDAB</c>, <c>BADC</c>, <c>DCBA</c>; for 16-bit types <c>BADC</c>/<c>DCBA</c> swap the two bytes.</summary>
    public string WordOrder { get; set; } = "ABCD";

    /// <summary>Raw value × Scale = value in <see cref="Unit"/>, e.g. 0.01; a decimal with at most 5 significant digits, 10^-9..10^9.</summary>
    public decimal Scale { get; set; } = 1m;

    /// <summary>Unit of the scaled value: flow m3/h, m3/s, l/s, l/min, l/h; totaliser m3, l, dm3; pressure Pa, hPa, mbar, kPa, bar, MPa, mH2O; level m, cm, mm.</summary>
    public string Unit { get; set; } = "";

    /// <summary>float32: decimal places kept of the scaled value (0..9).</summary>
    public int Decimals { get; set; } = 3;
}
