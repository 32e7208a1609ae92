using Edge.Firmware.Hardware;
using Edge.Firmware.Util;

namespace Edge.Firmware.Buffering;

/// <summary>
/// The device's persistent counters: boot count, meter register, next sequence number, last
/// acknowledged sequence number and latched flags. Kept in two alternating copies at the start of the
/// storage region, each with a generation number and a CRC-32, so a write torn by a power cut leaves
/// the previous copy intact.
/// </summary>
public sealed class DeviceState
{
    /// <summary>Bytes the two copies take at the start of the region.</summary>
    public const int RegionBytes = 2 * CopyBytes;

    private const int CopyBytes = 48;
    private const int CrcOffset = 44;
    private const byte Version = 1;
    private readonly IStorage _storage;
    private readonly byte[] _buffer = new byte[CopyBytes];
    private uint _generation;

    /// <summary>Binds the state to a storage region (nothing is read until <see cref="Load"/>).</summary>
    public DeviceState(IStorage storage)
    {
        _storage = storage;
    }

    /// <summary>Boots since the state was first created (this boot included after <see cref="Load"/>).</summary>
    public uint BootCount { get; set; }

    /// <summary>Meter register in millilitres (signed: reverse flow counts down).</summary>
    public long RegisterMl { get; set; }

    /// <summary>The sequence number the next reading gets (starts at 1, never repeats).</summary>
    public long NextSeq { get; set; }

    /// <summary>Every reading up to and including this sequence number was acknowledged (0: none).</summary>
    public long AckedSeq { get; set; }

    /// <summary>Flags that stay set until provisioning clears them (tamper).</summary>
    public int LatchedFlags { get; set; }

    /// <summary>Reads the newest valid copy; false when neither copy is valid (a new device).</summary>
    public bool Load()
    {
        var foundA = TryReadCopy(0, out var genA);
        var foundB = TryReadCopy(CopyBytes, out var genB);
        if (!foundA && !foundB)
        {
            _generation = 0;
            BootCount = 0;
            RegisterMl = 0;
            NextSeq = 1;
            AckedSeq = 0;
            LatchedFlags = 0;
            return false;
        }

        // Re-read the newer copy so the properties hold its values.
        var useB = foundB && (!foundA || unchecked((int)(genB - genA)) > 0);
        TryReadCopy(useB ? CopyBytes : 0, out _);
        return true;
    }

    /// <summary>Writes the state into the older copy and flushes.</summary>
    public void Save()
    {
        _generation++;
        var b = _buffer;
        b[0] = 0x45; // 'E'
        b[1] = 0x44; // 'D'
        b[2] = 0x47; // 'G'
        b[3] = 0x53; // 'S'
        b[4] = Version;
        b[5] = 0;
        b[6] = 0;
        b[7] = 0;
        LittleEndian.WriteUInt32(b, 8, _generation);
        LittleEndian.WriteUInt32(b, 12, BootCount);
        LittleEndian.WriteInt64(b, 16, RegisterMl);
        LittleEndian.WriteInt64(b, 24, NextSeq);
        LittleEndian.WriteInt64(b, 32, AckedSeq);
        LittleEndian.WriteUInt32(b, 40, (uint)LatchedFlags);
        LittleEndian.WriteUInt32(b, CrcOffset, Crc32.Compute(b, 0, CrcOffset));
        _storage.Write((_generation & 1) == 0 ? 0 : CopyBytes, b, 0, CopyBytes);
        _storage.Flush();
    }

    private bool TryReadCopy(int offset, out uint generation)
    {
        var b = _buffer;
        _storage.Read(offset, b, 0, CopyBytes);
        generation = 0;
        if (b[0] != 0x45 || b[1] != 0x44 || b[2] != 0x47 || b[3] != 0x53 || b[4] != Version)
        {
            return false;
        }

        if (LittleEndian.ReadUInt32(b, CrcOffset) != Crc32.Compute(b, 0, CrcOffset))
        {
            return false;
        }

        generation = LittleEndian.ReadUInt32(b, 8);
        _generation = generation;
        BootCount = LittleEndian.ReadUInt32(b, 12);
        RegisterMl = LittleEndian.ReadInt64(b, 16);
        NextSeq = LittleEndian.ReadInt64(b, 24);
        AckedSeq = LittleEndian.ReadInt64(b, 32);
        LatchedFlags = (int)LittleEndian.ReadUInt32(b, 40);
        return true;
    }
}
