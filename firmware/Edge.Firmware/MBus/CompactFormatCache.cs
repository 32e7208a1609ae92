namespace Edge.Firmware.MBus;

/// <summary>
/// Remembers data record formats (the DIF/DIFE/VIF/VIFE bytes of every record of a full frame) by their
/// format signature, so compact frames (CI 0x79) that carry only the signature and the data can be decoded.
/// The signature is the CRC-16 of EN 13757-4 §6.5 over the DIF/VIF bytes (compact M-Bus annex of
/// EN 13757-3). Bounded: a fixed number of slots in plain arrays, the least recently used is replaced.
/// Not thread-safe.
/// </summary>
public sealed class CompactFormatCache
{
    /// <summary>Most DIF/VIF bytes of one format.</summary>
    public const int MaxFormatLength = 64;

    private readonly int[] _signatures;
    private readonly int[] _lengths;
    private readonly long[] _used;
    private readonly byte[] _formats;
    private readonly byte[] _scratch = new byte[MaxFormatLength];
    private long _clock;

    /// <summary>Creates an empty cache of <paramref name="capacity"/> formats (at least 1).</summary>
    public CompactFormatCache(int capacity)
    {
        if (capacity < 1)
        {
            capacity = 1;
        }

        _signatures = new int[capacity];
        _lengths = new int[capacity];
        _used = new long[capacity];
        _formats = new byte[capacity * MaxFormatLength];
        for (var i = 0; i < capacity; i++)
        {
            _signatures[i] = -1;
        }
    }

    /// <summary>Number of slots.</summary>
    public int Capacity => _signatures.Length;

    /// <summary>Number of formats held.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            for (var i = 0; i < _signatures.Length; i++)
            {
                n += _signatures[i] >= 0 ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The format signature of <paramref name="length"/> DIF/VIF bytes.</summary>
    public static int Signature(byte[] difVif, int offset, int length) => WMBusCrc.Compute(difVif, offset, length);

    /// <summary>
    /// Remembers a format given as DIF/VIF bytes. False (and nothing stored) when the bytes are not a
    /// sequence of complete fixed-length record headers or are longer than <see cref="MaxFormatLength"/>.
    /// </summary>
    public bool Add(byte[] difVif, int offset, int length)
    {
        if (length < 1 || length > MaxFormatLength || DataLength(difVif, offset, length) < 0)
        {
            return false;
        }

        var signature = Signature(difVif, offset, length);
        var slot = Find(signature);
        if (slot >= 0 && _lengths[slot] == length && Same(slot, difVif, offset))
        {
            return true;
        }

        if (slot < 0)
        {
            slot = Victim();
        }

        _signatures[slot] = signature;
        _lengths[slot] = length;
        System.Array.Copy(difVif, offset, _formats, slot * MaxFormatLength, length);
        _used[slot] = ++_clock;
        return true;
    }

    /// <summary>Slot of the format with <paramref name="signature"/>, or -1 (a hit counts as a use).</summary>
    public int Find(int signature)
    {
        for (var i = 0; i < _signatures.Length; i++)
        {
            if (_signatures[i] == signature)
            {
                _used[i] = ++_clock;
                return i;
            }
        }

        return -1;
    }

    /// <summary>Number of DIF/VIF bytes of the format in <paramref name="slot"/>.</summary>
    public int FormatLength(int slot) => _lengths[slot];

    /// <summary>Byte <paramref name="index"/> of the format in <paramref name="slot"/>.</summary>
    public byte FormatByte(int slot, int index) => _formats[(slot * MaxFormatLength) + index];

    /// <summary>Forgets every format.</summary>
    public void Clear()
    {
        for (var i = 0; i < _signatures.Length; i++)
        {
            _signatures[i] = -1;
            _lengths[i] = 0;
            _used[i] = 0;
        }
    }

    /// <summary>
    /// Learns the format of a decoded full frame: the DIF/VIF bytes of its records, in order. Skipped
    /// (false) when a record has no fixed length (variable data, manufacturer data, plain-text VIF).
    /// </summary>
    internal bool Learn(MBusTelegram t)
    {
        var n = 0;
        var b = t.Buffer;
        for (var i = 0; i < t.RecordCount; i++)
        {
            var r = t.GetRecord(i);
            var headerLength = r.DataOffset - r.Offset;
            if (r.DataField == 0x0D || r.DataField == 0x0F || r.VifTextOffset >= 0 || headerLength < 1
                || n + headerLength > MaxFormatLength)
            {
                return false;
            }

            System.Array.Copy(b, r.Offset, _scratch, n, headerLength);
            n += headerLength;
        }

        return n > 0 && Add(_scratch, 0, n);
    }

    /// <summary>
    /// Data bytes the records of a format need, or -1 when the bytes are not complete fixed-length record
    /// headers (EN 13757-3 §6.3-6.4: DIF, DIFEs while bit 7, VIF, VIFEs while bit 7).
    /// </summary>
    internal static int DataLength(byte[] f, int offset, int length)
    {
        var i = offset;
        var end = offset + length;
        var total = 0;
        while (i < end)
        {
            var dif = f[i++];
            var data = DataFieldReader.FixedLength(dif & 0x0F);
            if (data < 0 || dif == 0x2F)
            {
                return -1;
            }

            var more = (dif & 0x80) != 0;
            while (more && i < end)
            {
                more = (f[i++] & 0x80) != 0;
            }

            if (more || i >= end || (f[i] & 0x7F) == 0x7C)
            {
                return -1; // header cut short, or a plain-text VIF whose text is not in the format
            }

            do
            {
                more = (f[i++] & 0x80) != 0;
            }
            while (more && i < end);

            if (more)
            {
                return -1;
            }

            total += data;
        }

        return total;
    }

    private bool Same(int slot, byte[] difVif, int offset)
    {
        var start = slot * MaxFormatLength;
        for (var i = 0; i < _lengths[slot]; i++)
        {
            if (_formats[start + i] != difVif[offset + i])
            {
                return false;
            }
        }

        return true;
    }

    private int Victim()
    {
        var victim = 0;
        for (var i = 0; i < _signatures.Length; i++)
        {
            if (_signatures[i] < 0)
            {
                return i;
            }

            if (_used[i] < _used[victim])
            {
                victim = i;
            }
        }

        return victim;
    }
}
