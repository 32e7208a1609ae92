namespace Edge.Gateway.Radio;

/// <summary>One meter on a <c>modbus-rtu</c> input (<c>Edge:Gateway:Inputs:N:Slaves:K</c>).</summary>
public sealed class ModbusSlaveOptions
{
    /// <summary>Slave address 1..247.</summary>
    public int Address { get; set; }

    /// <summary>
    /// Device id of the meter; <c>{serial}</c> in it is replaced by the value of <see cref="SerialRegister"/>. Empty: <c>modbus-{serial}</c>
    /// with a serial register, else <c>modbus-{input}-s{address}</c>.
    /// </summary>
    public string Id { get; set; } = "";

    /// <summary>Register holding the meter's serial number (read once per connection), or null.</summary>
    public ModbusSerialRegisterOptions? SerialRegister { get; set; }

    /// <summary>This meter's register map; empty: the input's <see cref="SerialInputOptions.Registers"/>.</summary>
    public List<ModbusRegisterOptions> Registers { get; set; } = [];
}
