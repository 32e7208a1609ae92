using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Modbus;

/// <summary>
/// A Modbus RTU master (MODBUS over Serial Line V1.02, MODBUS Application Protocol V1.1b3) over an
/// <see cref="ISerialLink"/>: Read Holding Registers (03), Read Input Registers (04), Write Single Register (06) and
/// Write Multiple Registers (16). Blocking calls, one at a time (the line is half duplex); waits only in
/// <see cref="ISerialLink.Read"/> timeouts. Keeps the t3.5 silence between frames, ends a reply at a gap longer than
/// the inter-character timeout, checks the reply's slave, function, byte count, CRC and the echo of writes, repeats
/// after a lost or damaged reply and reports exception responses by code. No allocation per request in the steady
/// state (error texts excepted).
/// </summary>
public sealed partial class ModbusRtuMaster
{
    /// <summary>Default line speed (Serial Line V1.02 §2.5.1 and §3.3.2: 9600 and 19200 baud are required, 19200 is the default), with even parity.</summary>
    public const int DefaultBaudRate = 19200;

    /// <summary>Highest unicast slave address (§2.2: 1 to 247; 0 is broadcast).</summary>
    public const int MaxSlaveAddress = 247;

    // §2.5.1.2: an RTU frame is at most 256 bytes; room for a reply whose byte count was damaged to 255.
    private readonly byte[] _tx = new byte[256];
    private readonly byte[] _rx = new byte[264];
    private readonly ISerialLink _link;
    private int _txLength;
    private int _rxLength;
    private int _interCharacterMs;
    private bool _lineQuiet;

    /// <summary>Creates a master on <paramref name="link"/>; call <see cref="Configure"/> (or configure the link and call <see cref="SetTimingFor"/>).</summary>
    public ModbusRtuMaster(ISerialLink link)
    {
        if (link == null)
        {
            throw new ArgumentNullException("link");
        }

        _link = link;
        ResponseTimeoutMs = 1000;
        TurnaroundDelayMs = 100;
        ReceiveSlackMs = 20;
        Retries = 2;
        SetTimingFor(DefaultBaudRate);
    }

    /// <summary>
    /// Longest wait for the first byte of a reply. §2.4.1: it depends on the slave and the application, typically 1 s
    /// at 9600 baud; the default is 1000 ms.
    /// </summary>
    public int ResponseTimeoutMs { get; set; }

    /// <summary>Wait after a broadcast before the next request (§2.4.1 "turnaround delay", typically 100 to 200 ms).</summary>
    public int TurnaroundDelayMs { get; set; }

    /// <summary>
    /// Added to t1.5 for the inter-character timeout. A host sees the line through its UART driver and often a USB
    /// adapter that forwards bytes in batches (an FTDI latency timer is 16 ms by default), so gaps of a few
    /// milliseconds inside a frame are invisible or invented there; 20 ms by default, 0 on a device's own UART.
    /// </summary>
    public int ReceiveSlackMs { get; set; }

    /// <summary>Repetitions after no reply or a damaged one (default 2: three attempts in all). Exception responses are not repeated.</summary>
    public int Retries { get; set; }

    /// <summary>t3.5 at the configured rate in whole milliseconds (rounded up): the silence kept before each request.</summary>
    public int InterFrameMs { get; private set; }

    /// <summary>The longest gap accepted inside a reply: t1.5 rounded up plus <see cref="ReceiveSlackMs"/>.</summary>
    public int InterCharacterTimeoutMs => _interCharacterMs + ReceiveSlackMs;

    /// <summary>Why the last request failed, or null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>The exception code of the last exception response (§7), 0 when the last request got none.</summary>
    public int LastExceptionCode { get; private set; }

    /// <summary>Attempts the last request made (1 when the first succeeded).</summary>
    public int LastAttempts { get; private set; }

    /// <summary>Bytes received outside any expected reply (line noise, late replies), since creation.</summary>
    public int NoiseBytes { get; private set; }

    /// <summary>Sets the line (8 data bits; parity 0 none, 1 odd, 2 even; §2.5.1 wants 2 stop bits without parity) and the timers for <paramref name="baudRate"/>.</summary>
    public void Configure(int baudRate, int parity, int stopBits)
    {
        SetTimingFor(baudRate);
        _link.Configure(baudRate, 8, parity, stopBits);
        _lineQuiet = false;
    }

    /// <summary>Sets the t3.5 and t1.5 timers (<see cref="InterFrameMs"/>, <see cref="InterCharacterTimeoutMs"/>) for <paramref name="baudRate"/>.</summary>
    public void SetTimingFor(int baudRate)
    {
        if (baudRate < 300)
        {
            throw new ArgumentOutOfRangeException("baudRate");
        }

        InterFrameMs = ModbusTiming.ToMillis(ModbusTiming.InterFrameMicros(baudRate));
        _interCharacterMs = ModbusTiming.ToMillis(ModbusTiming.InterCharacterMicros(baudRate));
    }

    /// <summary>Function 03: reads <paramref name="count"/> (1..125) holding registers from <paramref name="address"/> into <paramref name="values"/>.</summary>
    public int ReadHoldingRegisters(int slave, int address, int count, ushort[] values, int index) =>
        ReadRegisters(ModbusFunction.ReadHoldingRegisters, slave, address, count, values, index);

    /// <summary>Function 04: reads <paramref name="count"/> (1..125) input registers from <paramref name="address"/> into <paramref name="values"/>.</summary>
    public int ReadInputRegisters(int slave, int address, int count, ushort[] values, int index) =>
        ReadRegisters(ModbusFunction.ReadInputRegisters, slave, address, count, values, index);

    /// <summary>Function 03 or 04 (<paramref name="function"/>); see <see cref="ReadHoldingRegisters"/>.</summary>
    public int ReadRegisters(int function, int slave, int address, int count, ushort[] values, int index)
    {
        if (function != ModbusFunction.ReadHoldingRegisters && function != ModbusFunction.ReadInputRegisters)
        {
            return Invalid("function " + function.ToString() + " does not read registers");
        }

        if (slave < 1 || slave > MaxSlaveAddress)
        {
            return Invalid("slave " + slave.ToString() + " is not 1..247 (reads cannot be broadcast)");
        }

        if (count < 1 || count > ModbusFunction.MaxReadRegisters || !ValidRange(address, count))
        {
            return Invalid("read of " + count.ToString() + " registers at " + address.ToString() + " is not 1..125 registers within 0..65535");
        }

        if (values == null || index < 0 || index + count > values.Length)
        {
            return Invalid("the value buffer is too small");
        }

        _txLength = Header(slave, function, address, count);
        var result = Exchange(slave, function, address);
        if (result == ModbusResult.Ok)
        {
            for (var i = 0; i < count; i++)
            {
                values[index + i] = (ushort)((_rx[3 + (2 * i)] << 8) | _rx[4 + (2 * i)]);
            }
        }

        return result;
    }

    /// <summary>Function 06: writes <paramref name="value"/> (0..65535) to register <paramref name="address"/>; slave 0 broadcasts (no reply).</summary>
    public int WriteSingleRegister(int slave, int address, int value)
    {
        if (slave < 0 || slave > MaxSlaveAddress || !ValidRange(address, 1) || value < 0 || value > 0xFFFF)
        {
            return Invalid("write of " + value.ToString() + " to slave " + slave.ToString() + " register " + address.ToString() + " is out of range");
        }

        _txLength = Header(slave, ModbusFunction.WriteSingleRegister, address, value);
        return Exchange(slave, ModbusFunction.WriteSingleRegister, address);
    }

    /// <summary>Function 16: writes <paramref name="count"/> (1..123) registers from <paramref name="values"/> at <paramref name="address"/>; slave 0 broadcasts.</summary>
    public int WriteMultipleRegisters(int slave, int address, ushort[] values, int index, int count)
    {
        if (slave < 0 || slave > MaxSlaveAddress || count < 1 || count > ModbusFunction.MaxWriteRegisters || !ValidRange(address, count))
        {
            return Invalid("write of " + count.ToString() + " registers to slave " + slave.ToString() + " at " + address.ToString() + " is out of range");
        }

        if (values == null || index < 0 || index + count > values.Length)
        {
            return Invalid("the value buffer is too small");
        }

        Header(slave, ModbusFunction.WriteMultipleRegisters, address, count);
        _tx[6] = (byte)(2 * count);
        for (var i = 0; i < count; i++)
        {
            _tx[7 + (2 * i)] = (byte)(values[index + i] >> 8);
            _tx[8 + (2 * i)] = (byte)values[index + i];
        }

        _txLength = 7 + (2 * count);
        return Exchange(slave, ModbusFunction.WriteMultipleRegisters, address);
    }

    private static bool ValidRange(int address, int count) => address >= 0 && address + count <= 0x10000;

    /// <summary>Slave, function and two big-endian 16-bit fields (§4.2: "big-Endian"): the first 6 bytes of every request here.</summary>
    private int Header(int slave, int function, int first, int second)
    {
        _tx[0] = (byte)slave;
        _tx[1] = (byte)function;
        _tx[2] = (byte)(first >> 8);
        _tx[3] = (byte)first;
        _tx[4] = (byte)(second >> 8);
        _tx[5] = (byte)second;
        return 6;
    }

    private int Invalid(string error)
    {
        LastError = error;
        LastAttempts = 0;
        LastExceptionCode = 0;
        return ModbusResult.InvalidArgument;
    }
}
