using System;
using System.IO;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Device.Adapters;

/// <summary>
/// <see cref="IStorage"/> as a fixed-size file on the ESP32's internal flash file system (drive <c>I:\</c>).
/// A new file is filled with 0xFF so it reads like erased flash; the portable state and ring code protect
/// their records with CRCs and double headers, because a power cut can still tear a write.
/// </summary>
public sealed class FlashFileStorage : IStorage, IDisposable
{
    private const int FillChunk = 256;
    private readonly FileStream _file;
    private readonly int _capacity;

    /// <summary>Opens (or creates and erases) <paramref name="path"/>, e.g. <c>I:\edge.dat</c>, of <paramref name="capacity"/> bytes.</summary>
    public FlashFileStorage(string path, int capacity)
    {
        _capacity = capacity;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        if (_file.Length < capacity)
        {
            Erase(_file.Length);
        }
    }

    /// <inheritdoc />
    public int Capacity => _capacity;

    /// <inheritdoc />
    public void Read(int offset, byte[] buffer, int index, int count)
    {
        CheckRange(offset, count);
        _file.Seek(offset, SeekOrigin.Begin);
        int done = 0;
        while (done < count)
        {
            int n = _file.Read(buffer, index + done, count - done);
            if (n <= 0)
            {
                throw new IOException("Storage file ended at " + (offset + done));
            }

            done += n;
        }
    }

    /// <inheritdoc />
    public void Write(int offset, byte[] buffer, int index, int count)
    {
        CheckRange(offset, count);
        _file.Seek(offset, SeekOrigin.Begin);
        _file.Write(buffer, index, count);
    }

    /// <inheritdoc />
    public void Flush()
    {
        _file.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file.Dispose();
    }

    private void Erase(long from)
    {
        var ff = new byte[FillChunk];
        for (int i = 0; i < ff.Length; i++)
        {
            ff[i] = 0xFF;
        }

        _file.Seek(from, SeekOrigin.Begin);
        for (long position = from; position < _capacity; position += FillChunk)
        {
            long left = _capacity - position;
            _file.Write(ff, 0, left < FillChunk ? (int)left : FillChunk);
        }

        _file.Flush();
    }

    private void CheckRange(int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > _capacity)
        {
            throw new ArgumentOutOfRangeException("offset");
        }
    }
}
