namespace Edge.Gateway.Radio;

/// <summary>One serial input of the gateway (<c>Edge:Gateway:Inputs:N</c>): a wM-Bus receiver or a wired M-Bus bus.</summary>
public sealed class SerialInputOptions
{
    /// <summary>Name for logs and for ids of header-less wired meters; default <c>input{N}</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>im871a</c>, <c>hexlines</c>, <c>mbus-master</c> or <c>modbus-rtu</c> (<see cref="InputKinds"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Serial device, e.g. <c>/dev/ttyUSB0</c>.</summary>
    public string Port { get; set; } = "";

    /// <summary>Line speed; 0 = the kind's usual one (57600, 115200, 2400, 19200).</summary>
    public int Baud { get; set; }

    /// <summary>mbus-master, modbus-rtu: time between two readouts of all meters.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wait before reopening the port after an I/O error (adapter unplugged).</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The meters of this input and their keys. Radio inputs store only these unless <see cref="AcceptUnlisted"/>.</summary>
    public List<MeterKeyOptions> Keys { get; set; } = [];

    /// <summary>Radio inputs: also store unencrypted telegrams of meters not in <see cref="Keys"/>.</summary>
    public bool AcceptUnlisted { get; set; }

    /// <summary>mbus-master: primary addresses (1..250) to read.</summary>
    public List<int> PrimaryAddresses { get; set; } = [];

    /// <summary>mbus-master: secondary addresses (8 id digits) to read by selection.</summary>
    public List<string> SecondaryAddresses { get; set; } = [];

    /// <summary>mbus-master: find the meters by the wildcard search at start, then read them by secondary address.</summary>
    public bool Search { get; set; }

    /// <summary>mbus-master: response timeout; zero = EN 13757-2's 330 bit times + 50 ms. modbus-rtu: zero = 1 s.</summary>
    public TimeSpan ResponseTimeout { get; set; }

    /// <summary>mbus-master, modbus-rtu: repetitions after no answer or a garbled one.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>wisun-broute: the B-route credentials and module settings.</summary>
    public WisunBrouteOptions? Wisun { get; set; }

    /// <summary>modbus-rtu: <c>even</c> (the Modbus default), <c>odd</c> or <c>none</c>.</summary>
    public string Parity { get; set; } = "even";

    /// <summary>modbus-rtu: 1 or 2; 0 = 1 with parity, 2 without (MODBUS over Serial Line §2.5.1).</summary>
    public int StopBits { get; set; }

    /// <summary>modbus-rtu: the meters on the line.</summary>
    public List<ModbusSlaveOptions> Slaves { get; set; } = [];

    /// <summary>modbus-rtu: the register map of slaves that list none of their own.</summary>
    public List<ModbusRegisterOptions> Registers { get; set; } = [];
}
