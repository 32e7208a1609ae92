using System;
using Edge.Firmware.Hardware;
using Edge.Firmware.Util;

namespace Edge.Firmware.Buffering;

/// <summary>
/// A fixed-size ring of readings in non-volatile storage, after the <see cref="DeviceState"/> copies.
/// The reading with sequence number s lives in slot s mod capacity, so no index needs persisting: the
/// pending readings are those after <see cref="DeviceState.AckedSeq"/> and before
/// <see cref="DeviceState.NextSeq"/>. Each slot carries its sequence number and a CRC-32; a slot torn by
/// a power cut is detected and skipped. When the ring is full the oldest unsent reading is overwritten
/// and the new reading is flagged <see cref="ReadingFlags.LostBefore"/>. No allocation after construction.
/// </summary>
public sealed class ReadingRing
{
    /// <summary>Bytes per slot.</summary>
    public const int SlotBytes = 32;

    private const int FirstSlotOffset = 128;
    private readonly IStorage _storage;
    private readonly DeviceState _state;
    private readonly int _capacity;
    private readonly byte[] _slot = new byte[SlotBytes];

    /// <summary>Creates a ring of <paramref name="capacity"/> slots over <paramref name="storage"/>.</summary>
    public ReadingRing(IStorage storage, DeviceState state, int capacity)
    {
        if (capacity < 1 || FirstSlotOffset + (capacity * SlotBytes) > storage.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "ring does not fit in the storage region");
        }

        _storage = storage;
        _state = state;
        _capacity = capacity;
    }

    /// <summary>Storage bytes a ring of <paramref name="capacity"/> slots needs, state included.</summary>
    public static int RequiredBytes(int capacity) => FirstSlotOffset + (capacity * SlotBytes);

    /// <summary>Number of readings not yet acknowledged.</summary>
    public long PendingCount => _state.NextSeq - 1 - _state.AckedSeq;

    /// <summary>Slots in the ring.</summary>
    public int Capacity => _capacity;

    /// <summary>
    /// After a reboot: a reading whose slot was written but whose state update was lost to a power cut is
    /// taken back, so its sequence number is never given to another reading.
    /// </summary>
    public void Recover()
    {
        var recovered = false;
        while (ReadSlot(_state.NextSeq, out _, out _, out _, out _))
        {
            _state.NextSeq++;
            recovered = true;
        }

        if (recovered && PendingCount > _capacity)
        {
            _state.AckedSeq = _state.NextSeq - 1 - _capacity;
        }
    }

    /// <summary>Appends a reading and persists it with the state; returns its sequence number.</summary>
    public long Append(long observedUnixMs, long valueMl, int flags, int clockQuality) =>
        Append(observedUnixMs, valueMl, flags, clockQuality, 0);

    /// <summary>
    /// Appends a reading of channel number <paramref name="channel"/> (0-255, the app's own numbering; a pulse
    /// meter has only channel 0) and persists it with the state; returns its sequence number.
    /// </summary>
    public long Append(long observedUnixMs, long valueMl, int flags, int clockQuality, int channel)
    {
        var seq = _state.NextSeq;
        if (PendingCount >= _capacity)
        {
            _state.AckedSeq = seq - _capacity;
            flags |= ReadingFlags.LostBefore;
        }

        var b = _slot;
        LittleEndian.WriteInt64(b, 0, seq);
        LittleEndian.WriteInt64(b, 8, observedUnixMs);
        LittleEndian.WriteInt64(b, 16, valueMl);
        b[24] = (byte)flags;
        b[25] = (byte)(flags >> 8);
        b[26] = (byte)clockQuality;
        b[27] = (byte)channel;
        LittleEndian.WriteUInt32(b, 28, Crc32.Compute(b, 0, 28));
        _storage.Write(SlotOffset(seq), b, 0, SlotBytes);
        _state.NextSeq = seq + 1;
        _state.Save();
        return seq;
    }

    /// <summary>
    /// Copies up to <paramref name="max"/> of the oldest pending readings into the arrays; a torn slot is
    /// skipped. Returns how many were copied.
    /// </summary>
    public int ReadPending(int max, long[] seqs, long[] timesMs, long[] valuesMl, int[] flags, int[] qualities) =>
        ReadPending(max, seqs, timesMs, valuesMl, flags, qualities, null);

    /// <summary>As <see cref="ReadPending(int, long[], long[], long[], int[], int[])"/>, with each reading's channel number when <paramref name="channels"/> is given.</summary>
    public int ReadPending(int max, long[] seqs, long[] timesMs, long[] valuesMl, int[] flags, int[] qualities, int[]? channels)
    {
        var n = 0;
        for (var seq = _state.AckedSeq + 1; seq < _state.NextSeq && n < max; seq++)
        {
            if (ReadSlot(seq, out timesMs[n], out valuesMl[n], out flags[n], out qualities[n]))
            {
                seqs[n] = seq;
                if (channels != null)
                {
                    channels[n] = _slot[27];
                }

                n++;
            }
        }

        return n;
    }

    /// <summary>Marks every reading up to <paramref name="seq"/> as acknowledged and persists that.</summary>
    public void Acknowledge(long seq)
    {
        if (seq > _state.AckedSeq && seq < _state.NextSeq)
        {
            _state.AckedSeq = seq;
            _state.Save();
        }
    }

    /// <summary>
    /// Takes the next sequence number for a message that is not a ring reading (a seismic window, FRAME.md):
    /// persisted at once so it is never given twice; its slot stays unwritten, so frames skip it.
    /// </summary>
    public long ReserveSeq()
    {
        var seq = _state.NextSeq;
        _state.NextSeq = seq + 1;
        _state.Save();
        return seq;
    }

    private int SlotOffset(long seq) => FirstSlotOffset + ((int)(seq % _capacity) * SlotBytes);

    private bool ReadSlot(long seq, out long timeMs, out long valueMl, out int flags, out int quality)
    {
        var b = _slot;
        _storage.Read(SlotOffset(seq), b, 0, SlotBytes);
        timeMs = LittleEndian.ReadInt64(b, 8);
        valueMl = LittleEndian.ReadInt64(b, 16);
        flags = b[24] | (b[25] << 8);
        quality = b[26];
        return LittleEndian.ReadInt64(b, 0) == seq && LittleEndian.ReadUInt32(b, 28) == Crc32.Compute(b, 0, 28);
    }
}
