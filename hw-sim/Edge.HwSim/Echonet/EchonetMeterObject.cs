namespace Edge.HwSim.Echonet;

/// <summary>
/// One ECHONET Lite meter object of a simulated node: its consumption grows with the injected <see cref="TimeProvider"/>
/// (simulated time), and every half-hour grid point it passes (local time, JST by default) is recorded as the meters'
/// historical data is (APPENDIX, low-voltage smart electric energy meter 0xE2 / water flow meter 0xE2: the cumulative
/// value at 00:00, 00:30, ... 23:30), for 100 days. The super class properties (APPENDIX §2.2: 0x80, 0x82, 0x83, 0x88,
/// 0x8A, property maps 0x9D-0x9F) are answered here; a class adds its own. Faults are injected with
/// <see cref="SetFault"/> (fault status 0x88: 0x41 fault occurred, 0x42 no fault); a change of an announced status
/// property raises <see cref="Announced"/>, which the node sends as INF (APPENDIX: 0x80 and 0x88 are announced at
/// status change). Thread safe: the virtual module asks from its timers, tests read the state.
/// </summary>
public abstract class EchonetMeterObject
{
    /// <summary>Days of half-hourly history kept (the smart meter's 0xE5 selects 0-99).</summary>
    public const int HistoryDays = 100;

    /// <summary>Half an hour in milliseconds: the grid of historical data and fixed-time values.</summary>
    public const long SlotMs = 30 * 60 * 1000;

    private readonly Dictionary<long, long[]> _history = [];
    private long _lastUnixMs;
    private bool _fault;

    /// <summary>Creates the object at the current simulated time (nothing is recorded before it).</summary>
    protected EchonetMeterObject(int eoj, TimeProvider time, byte[] identification)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(identification);
        if (identification.Length != 17 || identification[0] != 0xFE)
        {
            throw new ArgumentException("identification number 0x83 is 17 bytes starting 0xFE (APPENDIX §2.2)", nameof(identification));
        }

        Eoj = eoj;
        Time = time;
        Identification = identification;
        _lastUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        StartedUnixMs = _lastUnixMs;
    }

    /// <summary>Simulated time (Unix ms) the object was created at: its starting register applies from here.</summary>
    public long StartedUnixMs { get; }

    /// <summary>The object as 0xGGCCII.</summary>
    public int Eoj { get; }

    /// <summary>Class group and class, e.g. 0x0288.</summary>
    public int ClassCode => Eoj >> 8;

    /// <summary>Identification number 0x83: 0xFE, manufacturer code (3 bytes), unique part (13 bytes).</summary>
    public byte[] Identification { get; }

    /// <summary>The meter's time zone, minutes east of UTC (JST).</summary>
    public int UtcOffsetMinutes { get; init; } = 540;

    /// <summary>Where simulated time comes from.</summary>
    public TimeProvider Time { get; }

    /// <summary>A status property changed (its EPC): the node announces it by INF.</summary>
    public event Action<EchonetMeterObject, int>? Announced;

    /// <summary>Fault status 0x88: true reads 0x41 (fault occurred).</summary>
    public bool Fault
    {
        get
        {
            lock (Sync)
            {
                return _fault;
            }
        }
    }

    /// <summary>Guards the state; derived classes take it around their own reads and writes.</summary>
    protected Lock Sync { get; } = new();

    /// <summary>EPCs the object answers to Get (for the Get property map 0x9F).</summary>
    protected abstract byte[] GettableEpcs { get; }

    /// <summary>EPCs the object accepts in SetC/SetI (for the Set property map 0x9E).</summary>
    protected virtual byte[] SettableEpcs => [];

    /// <summary>EPCs the object announces on change (for the status change announcement map 0x9D).</summary>
    protected virtual byte[] AnnouncedEpcs => [0x80, 0x88];

    /// <summary>The EDT of <paramref name="epc"/> now, or null when the object has no such property.</summary>
    public byte[]? Read(int epc)
    {
        lock (Sync)
        {
            AdvanceToNow();
            return epc switch
            {
                0x80 => [0x30], // operation status: ON
                0x82 => [0x00, 0x00, (byte)'F', 0x00], // APPENDIX release F
                0x83 => (byte[])Identification.Clone(),
                0x88 => [_fault ? (byte)0x41 : (byte)0x42], // fault status: 0x41 fault occurred, 0x42 no fault
                0x8A => [Identification[1], Identification[2], Identification[3]],
                0x9D => PropertyMap(AnnouncedEpcs),
                0x9E => PropertyMap(SettableEpcs),
                0x9F => PropertyMap([0x80, 0x82, 0x83, 0x88, 0x8A, 0x9D, 0x9E, 0x9F, .. GettableEpcs]),
                _ => ReadClassProperty(epc),
            };
        }
    }

    /// <summary>Sets <paramref name="epc"/> to <paramref name="edt"/>; false (the node answers SNA) when refused.</summary>
    public bool Write(int epc, ReadOnlySpan<byte> edt)
    {
        lock (Sync)
        {
            AdvanceToNow();
            return WriteClassProperty(epc, edt);
        }
    }

    /// <summary>Sets or clears the fault (0x88); a change is announced.</summary>
    public void SetFault(bool fault) => ChangeStatus(0x88, ref _fault, fault);

    /// <summary>Sets a boolean status <paramref name="field"/> of property <paramref name="epc"/> and announces a change.</summary>
    protected void ChangeStatus(int epc, ref bool field, bool value)
    {
        lock (Sync)
        {
            AdvanceToNow();
            if (field == value)
            {
                return;
            }

            field = value;
        }

        Announced?.Invoke(this, epc);
    }

    /// <summary>Brings the consumption up to the current simulated time.</summary>
    public void Advance()
    {
        lock (Sync)
        {
            AdvanceToNow();
        }
    }

    /// <summary>A class property's EDT, or null (called under <see cref="Sync"/>, state current).</summary>
    protected abstract byte[]? ReadClassProperty(int epc);

    /// <summary>Sets a class property (called under <see cref="Sync"/>, state current).</summary>
    protected virtual bool WriteClassProperty(int epc, ReadOnlySpan<byte> edt) => false;

    /// <summary>Adds the consumption of <paramref name="ms"/> milliseconds (called under <see cref="Sync"/>).</summary>
    protected abstract void Accumulate(long ms);

    /// <summary>The raw registers to record at a grid point (called under <see cref="Sync"/>).</summary>
    protected abstract long[] Registers();

    /// <summary>Recorded register <paramref name="index"/> at grid point <paramref name="slotUnixMs"/>, or null when not recorded.</summary>
    protected long? Recorded(long slotUnixMs, int index) =>
        _history.TryGetValue(slotUnixMs / SlotMs, out var r) && index < r.Length ? r[index] : null;

    /// <summary>Local midnight (Unix ms) of the day holding <paramref name="unixMs"/>.</summary>
    protected long LocalMidnight(long unixMs)
    {
        var offset = UtcOffsetMinutes * 60_000L;
        return ((unixMs + offset) / 86_400_000L * 86_400_000L) - offset;
    }

    /// <summary>Current simulated time, Unix ms.</summary>
    protected long NowUnixMs => _lastUnixMs;

    /// <summary>Unsigned long big-endian (the EDT of cumulative registers).</summary>
    protected static byte[] U32(long v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    /// <summary>Property map (APPENDIX "property map description format"): under 16 the count and a list, else the count and a 16-byte bitmap.</summary>
    protected static byte[] PropertyMap(byte[] epcs)
    {
        var set = epcs.Distinct().OrderBy(e => e).ToArray();
        if (set.Length < 16)
        {
            return [(byte)set.Length, .. set];
        }

        var map = new byte[17];
        map[0] = (byte)set.Length;
        foreach (var epc in set)
        {
            // Bit j of byte i is EPC 0x80 + 0x10 × j + i.
            map[1 + (epc & 0x0F)] |= (byte)(1 << ((epc >> 4) - 8));
        }

        return map;
    }

    private void AdvanceToNow()
    {
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        if (now <= _lastUnixMs)
        {
            return;
        }

        // Step through each grid point passed so its value is recorded exactly at it.
        var next = ((_lastUnixMs / SlotMs) + 1) * SlotMs;
        while (next <= now)
        {
            Accumulate(next - _lastUnixMs);
            _lastUnixMs = next;
            _history[next / SlotMs] = Registers();
            next += SlotMs;
        }

        Accumulate(now - _lastUnixMs);
        _lastUnixMs = now;
        var oldest = (now / SlotMs) - (HistoryDays * 48L) - 48;
        foreach (var old in _history.Keys.Where(k => k < oldest).ToList())
        {
            _history.Remove(old);
        }
    }
}
