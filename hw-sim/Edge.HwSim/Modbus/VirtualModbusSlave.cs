namespace Edge.HwSim.Modbus;

/// <summary>
/// Base of a simulated Modbus RTU slave: a register map (one read handler per register, an optional write handler
/// for holding registers), the Application Protocol V1.1b3 rules for 03/04/06/16 and their exceptions (§7: 01 unknown
/// function, 02 unmapped address, 03 bad quantity or value), the device's word order for 32-bit values, and injectable
/// faults (silence, broken CRCs, exception responses). Called by <see cref="VirtualModbusBus"/> on its read thread;
/// the settable values may be changed by tests at any time.
/// </summary>
public abstract class VirtualModbusSlave
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Func<ushort>> _input = [];
    private readonly Dictionary<int, (Func<ushort> Read, Func<ushort, int>? Write)> _holding = [];
    private int _requests;

    /// <summary>Creates a slave at <paramref name="address"/> (1..247).</summary>
    protected VirtualModbusSlave(int address, TimeProvider? time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(address, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, 247);
        Address = address;
        Time = time ?? TimeProvider.System;
    }

    /// <summary>Slave address 1..247.</summary>
    public int Address { get; set; }

    /// <summary>Order of the four bytes A B C D of 32-bit values across two registers: <c>ABCD</c>, <c>CDAB</c>, <c>BADC</c>, <c>DCBA</c>.</summary>
    public string WordOrder { get; set; } = "ABCD";

    /// <summary>True: never answers (powered off, wrong address setting, broken wire).</summary>
    public bool Silent { get; set; }

    /// <summary>The next this many requests get no answer (then it answers again).</summary>
    public int SilentRequests { get; set; }

    /// <summary>The next this many answers go out with a broken CRC (a disturbed line).</summary>
    public int CorruptReplies { get; set; }

    /// <summary>The next <see cref="InjectedExceptionCount"/> requests get exception <see cref="InjectedExceptionCode"/> (04 failure, 06 busy, ...).</summary>
    public int InjectedExceptionCode { get; set; }

    /// <summary>See <see cref="InjectedExceptionCode"/>.</summary>
    public int InjectedExceptionCount { get; set; }

    /// <summary>Requests addressed to this slave with a valid CRC.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Held while a request is handled; models take it to change their state.</summary>
    protected Lock SyncRoot => _lock;

    /// <summary>Time source of the physical model.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Handles one request PDU (function code and data); returns the reply PDU, or null for no reply.</summary>
    internal byte[]? Handle(byte[] pdu, bool broadcast)
    {
        Interlocked.Increment(ref _requests);
        lock (_lock)
        {
            if (!broadcast && (Silent || SilentRequests > 0))
            {
                SilentRequests = Math.Max(0, SilentRequests - 1);
                return null;
            }

            var function = pdu[0];
            if (InjectedExceptionCount > 0)
            {
                InjectedExceptionCount--;
                return broadcast ? null : [(byte)(function | 0x80), (byte)InjectedExceptionCode];
            }

            OnRequest();
            var reply = function switch
            {
                0x03 => ReadRegisters(pdu, holding: true),
                0x04 => ReadRegisters(pdu, holding: false),
                0x06 => WriteSingle(pdu),
                0x10 => WriteMultiple(pdu),
                _ => Exception(function, 0x01),
            };

            // §2.4.1: a broadcast request (address 0) is never answered; reads cannot be broadcast.
            return broadcast ? null : reply;
        }
    }

    /// <summary>True once (and counts it down) when the answer should carry a broken CRC.</summary>
    internal bool TakeCorruption()
    {
        lock (_lock)
        {
            if (CorruptReplies <= 0)
            {
                return false;
            }

            CorruptReplies--;
            return true;
        }
    }

    /// <summary>Address written to a configuration register, applied once the reply went out.</summary>
    public int? PendingAddress { get; private set; }

    /// <summary>Applies <see cref="PendingAddress"/>; called by the bus after the reply was sent.</summary>
    internal void AfterReply()
    {
        lock (_lock)
        {
            if (PendingAddress is { } address)
            {
                Address = address;
                PendingAddress = null;
            }
        }
    }

    /// <summary>Accepts a new slave address (1..247) written to a configuration register; it applies after the reply.</summary>
    protected int SetAddressAfterReply(ushort address)
    {
        if (address is < 1 or > 247)
        {
            return 0x03;
        }

        PendingAddress = address;
        return 0;
    }

    /// <summary>Called before each request is handled: bring the physical model up to the current time.</summary>
    protected virtual void OnRequest()
    {
    }

    /// <summary>Maps input register <paramref name="address"/> to <paramref name="read"/>.</summary>
    protected void MapInput(int address, Func<ushort> read) => _input[address] = read;

    /// <summary>Maps holding register <paramref name="address"/>; <paramref name="write"/> returns 0 or an exception code (null: read-only, exception 02 on write).</summary>
    protected void MapHolding(int address, Func<ushort> read, Func<ushort, int>? write = null) => _holding[address] = (read, write);

    /// <summary>Maps two input registers at <paramref name="address"/> to the 32 bits of <paramref name="bits"/>, in <see cref="WordOrder"/> at read time.</summary>
    protected void MapInput32(int address, Func<uint> bits)
    {
        MapInput(address, () => Half(bits(), 0));
        MapInput(address + 1, () => Half(bits(), 1));
    }

    /// <summary>Maps two input registers to an IEEE 754 binary32 value.</summary>
    protected void MapInputFloat(int address, Func<double> value) => MapInput32(address, () => BitConverter.SingleToUInt32Bits((float)value()));

    /// <summary>Register <paramref name="index"/> (0 or 1) of the 32-bit value <paramref name="bits"/> in the device's word order.</summary>
    protected ushort Half(uint bits, int index)
    {
        // The bytes A (most significant) .. D as they go on the wire in this order.
        var a = (byte)(bits >> 24);
        var b = (byte)(bits >> 16);
        var c = (byte)(bits >> 8);
        var d = (byte)bits;
        byte[] wire = WordOrder switch
        {
            "CDAB" => [c, d, a, b],
            "BADC" => [b, a, d, c],
            "DCBA" => [d, c, b, a],
            _ => [a, b, c, d],
        };
        return (ushort)((wire[2 * index] << 8) | wire[(2 * index) + 1]);
    }

    /// <summary>Accepts a new word order written to a configuration register (0 ABCD, 1 CDAB, 2 BADC, 3 DCBA).</summary>
    protected int SetWordOrder(ushort value)
    {
        string[] orders = ["ABCD", "CDAB", "BADC", "DCBA"];
        if (value >= orders.Length)
        {
            return 0x03;
        }

        WordOrder = orders[value];
        return 0;
    }

    /// <summary>The code of <see cref="WordOrder"/> (0..3).</summary>
    protected ushort WordOrderCode() => WordOrder switch { "CDAB" => 1, "BADC" => 2, "DCBA" => 3, _ => 0 };

    private static byte[] Exception(int function, int code) => [(byte)(function | 0x80), (byte)code];

    private byte[] ReadRegisters(byte[] pdu, bool holding)
    {
        var function = pdu[0];
        if (pdu.Length != 5)
        {
            return Exception(function, 0x03);
        }

        var start = (pdu[1] << 8) | pdu[2];
        var count = (pdu[3] << 8) | pdu[4];

        // §6.3 / §6.4 state diagrams: quantity first (03), then address range (02).
        if (count is < 1 or > 125)
        {
            return Exception(function, 0x03);
        }

        var reply = new byte[2 + (2 * count)];
        reply[0] = function;
        reply[1] = (byte)(2 * count);
        for (var i = 0; i < count; i++)
        {
            var address = start + i;
            Func<ushort>? read = holding ? (_holding.TryGetValue(address, out var h) ? h.Read : null) : _input.GetValueOrDefault(address);
            if (read is null)
            {
                return Exception(function, 0x02);
            }

            var value = read();
            reply[2 + (2 * i)] = (byte)(value >> 8);
            reply[3 + (2 * i)] = (byte)value;
        }

        return reply;
    }

    private byte[] WriteSingle(byte[] pdu)
    {
        if (pdu.Length != 5)
        {
            return Exception(0x06, 0x03);
        }

        var address = (pdu[1] << 8) | pdu[2];
        if (!_holding.TryGetValue(address, out var register) || register.Write is null)
        {
            return Exception(0x06, 0x02);
        }

        var code = register.Write((ushort)((pdu[3] << 8) | pdu[4]));
        return code == 0 ? pdu : Exception(0x06, code);
    }

    private byte[] WriteMultiple(byte[] pdu)
    {
        var count = pdu.Length >= 5 ? (pdu[3] << 8) | pdu[4] : 0;
        if (pdu.Length < 6 || count is < 1 or > 123 || pdu[5] != 2 * count || pdu.Length != 6 + (2 * count))
        {
            return Exception(0x10, 0x03);
        }

        var start = (pdu[1] << 8) | pdu[2];
        for (var i = 0; i < count; i++)
        {
            if (!_holding.TryGetValue(start + i, out var register) || register.Write is null)
            {
                return Exception(0x10, 0x02);
            }
        }

        for (var i = 0; i < count; i++)
        {
            var code = _holding[start + i].Write!((ushort)((pdu[6 + (2 * i)] << 8) | pdu[7 + (2 * i)]));
            if (code != 0)
            {
                return Exception(0x10, code);
            }
        }

        return pdu[..5];
    }
}
