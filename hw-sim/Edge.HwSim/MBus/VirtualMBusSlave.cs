namespace Edge.HwSim.MBus;

/// <summary>
/// A simulated wired M-Bus water meter: primary and secondary address, a volume register that grows with every
/// new readout, the frame count bit handling of EN 13757-2 §5.5.2 (a REQ_UD2 with FCV = 1 and the same FCB as the
/// last one is a repetition: the slave sends the same answer again), multi-telegram readout, selection state.
/// Called by <see cref="VirtualMBus"/> on its read thread; the settable values may be changed by tests at any time.
/// </summary>
public sealed class VirtualMBusSlave
{
    private readonly Lock _lock = new();
    private byte[]? _lastAnswer;
    private bool? _lastFcb;
    private int _telegram;
    private int _accessNumber;

    /// <summary>Creates a meter; <paramref name="id"/> is the BCD identification number (0x12345678 is id 12345678).</summary>
    public VirtualMBusSlave(int primaryAddress, uint id, string manufacturer = "EDG", long volumeLitres = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(primaryAddress, 250);
        ArgumentException.ThrowIfNullOrEmpty(manufacturer);
        PrimaryAddress = primaryAddress;
        Id = id;
        FabricationNumber = id;
        ManufacturerCode = ManufacturerCodeOf(manufacturer);
        VolumeLitres = volumeLitres;
        DueDateLitres = volumeLitres;
    }

    /// <summary>Primary address 0..250.</summary>
    public int PrimaryAddress { get; set; }

    /// <summary>Identification number, BCD.</summary>
    public uint Id { get; }

    /// <summary>Manufacturer code (EN 13757-3 §6.2.2).</summary>
    public int ManufacturerCode { get; }

    /// <summary>Version (generation).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Device type; 0x07 water (EN 13757-3 table 3).</summary>
    public int DeviceType { get; set; } = 0x07;

    /// <summary>Fabrication number, BCD.</summary>
    public uint FabricationNumber { get; set; }

    /// <summary>The volume register in litres.</summary>
    public long VolumeLitres { get; set; }

    /// <summary>Litres the register grows before each new readout (not on a repetition).</summary>
    public long LitresPerReadout { get; set; } = 7;

    /// <summary>Volume flow in litres per hour.</summary>
    public int FlowLitresPerHour { get; set; } = 120;

    /// <summary>Due-date volume (telegram 2, storage 1) in litres.</summary>
    public long DueDateLitres { get; set; }

    /// <summary>Due date (telegram 2).</summary>
    public DateOnly DueDate { get; set; } = new(2025, 10, 31);

    /// <summary>Status byte of the transport header (EN 13757-3 §6.2.3: bit 2 power low).</summary>
    public int Status { get; set; }

    /// <summary>Error flags record (VIF FD 17).</summary>
    public int ErrorFlags { get; set; }

    /// <summary>Telegrams of one readout: 1, or 2 for a multi-telegram readout.</summary>
    public int TelegramCount { get; set; } = 1;

    /// <summary>True: the meter never answers (broken, or not on the bus).</summary>
    public bool Silent { get; set; }

    /// <summary>Answers that are built but lost on the wire (the master then repeats with the same FCB).</summary>
    public int DropAnswers { get; set; }

    /// <summary>True after a selection that matched, until a selection that does not.</summary>
    public bool Selected { get; internal set; }

    /// <summary>REQ_UD2 frames this slave received.</summary>
    public int Requests { get; private set; }

    /// <summary>REQ_UD2 frames answered with a repetition of the last answer (same FCB).</summary>
    public int Repetitions { get; private set; }

    /// <summary>FCBs of every REQ_UD2 received (true = 1), in order.</summary>
    public List<bool> FcbHistory { get; } = [];

    /// <summary>Manufacturer letters as the EN 13757-3 §6.2.2 code: ('A'-64)·32·32 + ('B'-64)·32 + ('C'-64).</summary>
    public static int ManufacturerCodeOf(string letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Length != 3)
        {
            throw new ArgumentException("a manufacturer is three letters", nameof(letters));
        }

        return ((letters[0] - 64) << 10) | ((letters[1] - 64) << 5) | (letters[2] - 64);
    }

    /// <summary>SND_NKE: resets the link layer (next readout starts at telegram 1, FCB history cleared).</summary>
    internal byte[]? OnNke()
    {
        lock (_lock)
        {
            _lastAnswer = null;
            _lastFcb = false; // EN 13757-2 §5.5.2: the next frame with FCV = 1 and FCB = 1 is new
            _telegram = 0;
            return Silent ? null : [0xE5];
        }
    }

    /// <summary>REQ_UD2 with control field <paramref name="c"/>; null when the slave stays silent.</summary>
    internal byte[]? OnReqUd2(int c, DateTimeOffset now)
    {
        lock (_lock)
        {
            Requests++;
            var fcv = (c & 0x10) != 0;
            var fcb = (c & 0x20) != 0;
            FcbHistory.Add(fcb);
            if (Silent)
            {
                return null;
            }

            byte[] answer;
            if (fcv && _lastAnswer is not null && _lastFcb == fcb)
            {
                Repetitions++;
                answer = _lastAnswer;
            }
            else
            {
                if (_lastAnswer is not null)
                {
                    _telegram = (_telegram + 1) % TelegramCount;
                }

                if (_telegram == 0)
                {
                    VolumeLitres += LitresPerReadout;
                }

                _accessNumber = (_accessNumber + 1) & 0xFF;
                answer = MBusSlaveTelegram.Build(this, _telegram, _accessNumber, now);
                _lastAnswer = answer;
                _lastFcb = fcv ? fcb : null;
            }

            if (DropAnswers > 0)
            {
                DropAnswers--;
                return null;
            }

            return answer;
        }
    }

    /// <summary>Selection (CI 0x52): matches <paramref name="pattern"/> (8 bytes, wildcards F / FFFF / FF)?</summary>
    internal bool OnSelect(ReadOnlySpan<byte> pattern)
    {
        lock (_lock)
        {
            Selected = Matches(pattern);
            if (Selected)
            {
                // A newly selected slave has no FCB history with the master.
                _lastAnswer = null;
                _lastFcb = null;
                _telegram = 0;
            }

            return Selected && !Silent;
        }
    }

    private bool Matches(ReadOnlySpan<byte> p)
    {
        var patternId = (uint)(p[0] | (p[1] << 8) | (p[2] << 16) | (p[3] << 24));
        for (var shift = 0; shift < 32; shift += 4)
        {
            var nibble = (patternId >> shift) & 0xF;
            if (nibble != 0xF && nibble != ((Id >> shift) & 0xF))
            {
                return false;
            }
        }

        var manufacturer = p[4] | (p[5] << 8);
        return (manufacturer == 0xFFFF || manufacturer == ManufacturerCode)
            && (p[6] == 0xFF || p[6] == Version)
            && (p[7] == 0xFF || p[7] == DeviceType);
    }
}
