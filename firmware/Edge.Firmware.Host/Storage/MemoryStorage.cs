using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Storage;

/// <summary>
/// Non-volatile storage in memory, as flash or FRAM behaves: erased bytes read 0xFF, and the contents
/// outlive the device object (a "reboot" is a new device over the same storage). A power cut can be
/// simulated by tearing a write: only the first bytes of the next write land.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly byte[] _bytes;
    private int _tearNextWriteAfter = -1;

    /// <summary>Creates an erased region of <paramref name="capacity"/> bytes.</summary>
    public MemoryStorage(int capacity)
    {
        _bytes = new byte[capacity];
        Array.Fill(_bytes, (byte)0xFF);
    }

    /// <inheritdoc />
    public int Capacity => _bytes.Length;

    /// <summary>Writes so far (wear and power budget figures).</summary>
    public long WriteCount { get; private set; }

    /// <summary>Makes the next write stop after <paramref name="bytes"/> bytes, as a power cut would.</summary>
    public void TearNextWrite(int bytes) => _tearNextWriteAfter = bytes;

    /// <inheritdoc />
    public void Read(int offset, byte[] buffer, int index, int count) =>
        Buffer.BlockCopy(_bytes, offset, buffer, index, count);

    /// <inheritdoc />
    public void Write(int offset, byte[] buffer, int index, int count)
    {
        if (_tearNextWriteAfter >= 0)
        {
            count = Math.Min(count, _tearNextWriteAfter);
            _tearNextWriteAfter = -1;
        }

        Buffer.BlockCopy(buffer, index, _bytes, offset, count);
        WriteCount++;
    }

    /// <inheritdoc />
    public void Flush()
    {
        // Memory is as durable as the simulation needs.
    }
}
