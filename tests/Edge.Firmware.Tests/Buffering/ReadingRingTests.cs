using Edge.Firmware.Buffering;
using Edge.Firmware.Storage;

namespace Edge.Firmware.Tests.Buffering;

public class ReadingRingTests
{
    private static (DeviceState State, ReadingRing Ring) Boot(MemoryStorage storage, int capacity)
    {
        var state = new DeviceState(storage);
        state.Load();
        var ring = new ReadingRing(storage, state, capacity);
        ring.Recover();
        return (state, ring);
    }

    private static long[] PendingSeqs(ReadingRing ring, int max = 100)
    {
        var seqs = new long[max];
        var n = ring.ReadPending(max, seqs, new long[max], new long[max], new int[max], new int[max]);
        return seqs[..n];
    }

    [Fact]
    public void Append_AfterReboot_SequenceContinuesAndPendingSurvives()
    {
        var storage = new MemoryStorage(ReadingRing.RequiredBytes(16));
        var (state, ring) = Boot(storage, 16);
        ring.Append(1000, 5000, 0, 2);
        ring.Append(2000, 6000, 0, 2);
        ring.Acknowledge(1);

        var (state2, ring2) = Boot(storage, 16);
        Assert.Equal(3, state2.NextSeq);
        Assert.Equal([2L], PendingSeqs(ring2));
        Assert.Equal(3, ring2.Append(3000, 7000, 0, 2));
        Assert.Equal(state.AckedSeq, state2.AckedSeq);
    }

    [Fact]
    public void Append_Full_OverwritesOldestAndFlagsLoss()
    {
        var storage = new MemoryStorage(ReadingRing.RequiredBytes(4));
        var (_, ring) = Boot(storage, 4);
        for (var i = 0; i < 6; i++)
        {
            ring.Append(i * 1000, i, 0, 2);
        }

        Assert.Equal([3L, 4L, 5L, 6L], PendingSeqs(ring));
        var flags = new int[4];
        ring.ReadPending(4, new long[4], new long[4], new long[4], flags, new int[4]);
        Assert.Equal(ReadingFlags.LostBefore, flags[3] & ReadingFlags.LostBefore);
    }

    [Fact]
    public void Append_StateWriteLostToPowerCut_SlotRecoveredAndSeqNotReused()
    {
        var storage = new MemoryStorage(ReadingRing.RequiredBytes(8));
        var (_, ring) = Boot(storage, 8);
        ring.Append(1000, 1, 0, 2);
        ring.Append(2000, 2, 0, 2);

        // Reading 3: its slot lands, then power fails before the state copy is written.
        var dying = new TearingAfterFirstWrite(storage);
        var dyingState = new DeviceState(dying);
        dyingState.Load();
        var dyingRing = new ReadingRing(dying, dyingState, 8);
        dying.Armed = true;
        dyingRing.Append(3000, 3, 0, 2);

        var (state, ring2) = Boot(storage, 8);
        Assert.Equal(4, state.NextSeq);
        Assert.Equal([1L, 2L, 3L], PendingSeqs(ring2));
    }

    [Fact]
    public void ReadPending_SlotTornByPowerCut_IsSkipped()
    {
        var storage = new MemoryStorage(ReadingRing.RequiredBytes(8));
        var (_, ring) = Boot(storage, 8);
        ring.Append(1000, 1, 0, 2);
        storage.TearNextWrite(12); // slot of seq 2 only partly written
        ring.Append(2000, 2, 0, 2);
        ring.Append(3000, 3, 0, 2);

        var (_, ring2) = Boot(storage, 8);
        Assert.Equal([1L, 3L], PendingSeqs(ring2));
    }

    [Fact]
    public void Load_BothCopiesCorrupt_StartsFresh()
    {
        var storage = new MemoryStorage(ReadingRing.RequiredBytes(8));
        var state = new DeviceState(storage);
        Assert.False(state.Load());
        Assert.Equal(1, state.NextSeq);
        Assert.Equal(0, state.RegisterMl);
    }

    [Fact]
    public void Save_TornWrite_KeepsPreviousCopy()
    {
        var storage = new MemoryStorage(ReadingRing.RequiredBytes(8));
        var state = new DeviceState(storage);
        state.Load();
        state.RegisterMl = 1000;
        state.Save();
        state.RegisterMl = 2000;
        state.Save();
        state.RegisterMl = 3000;
        storage.TearNextWrite(20);
        state.Save();

        var reloaded = new DeviceState(storage);
        Assert.True(reloaded.Load());
        Assert.Equal(2000, reloaded.RegisterMl);
    }

    private sealed class TearingAfterFirstWrite(MemoryStorage inner) : Edge.Firmware.Hardware.IStorage
    {
        private int _writes;

        public bool Armed { get; set; }

        public int Capacity => inner.Capacity;

        public void Read(int offset, byte[] buffer, int index, int count) => inner.Read(offset, buffer, index, count);

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            if (Armed && _writes++ >= 1)
            {
                return; // power is gone: the state copy never lands
            }

            inner.Write(offset, buffer, index, count);
        }

        public void Flush()
        {
        }
    }
}
