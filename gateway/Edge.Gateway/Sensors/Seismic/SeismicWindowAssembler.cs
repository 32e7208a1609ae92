namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// Puts the chunks of each device's seismic window back together in memory (firmware/FRAME.md, "Seismic window"):
/// a chunk at offset 0 starts or restarts the device's window, a later one must continue it exactly with the same
/// window values. Thread-safe; one window held per device.
/// </summary>
internal sealed class SeismicWindowAssembler
{
    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a chunk. Returns null with <paramref name="window"/> null while the window is incomplete; null with
    /// the whole window when this chunk completed it (the device's held window is then released); or the reason
    /// the chunk does not fit, after which the device must resend from offset 0 (its held window is dropped).
    /// </summary>
    public string? Add(SeismicWindowChunk chunk, out SeismicWindow? window)
    {
        window = null;
        lock (_held)
        {
            if (chunk.Offset == 0)
            {
                _held[chunk.DeviceId] = new Held(chunk);
            }
            else if (!_held.TryGetValue(chunk.DeviceId, out var existing))
            {
                return $"chunk at {chunk.Offset} of window seq {chunk.Seq} but no window is held: resend from off 0";
            }
            else if (!existing.First.SameWindowAs(chunk))
            {
                _held.Remove(chunk.DeviceId);
                return $"chunk of window seq {chunk.Seq} differs from the held window (seq {existing.First.Seq}) in its window values: resend from off 0";
            }
            else if (chunk.Offset != existing.Next)
            {
                _held.Remove(chunk.DeviceId);
                return $"chunk at {chunk.Offset} does not continue the held window at {existing.Next}: resend from off 0";
            }
            else
            {
                existing.Append(chunk);
            }

            var held = _held[chunk.DeviceId];
            if (!chunk.IsLast)
            {
                return null;
            }

            _held.Remove(chunk.DeviceId);
            window = held.ToWindow();
            return null;
        }
    }

    /// <summary>Windows held (incomplete) now.</summary>
    public int HeldCount
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    private sealed class Held
    {
        private readonly int[] _x;
        private readonly int[] _y;
        private readonly int[] _z;

        public Held(SeismicWindowChunk first)
        {
            First = first;
            _x = new int[first.Total];
            _y = new int[first.Total];
            _z = new int[first.Total];
            Append(first);
        }

        public SeismicWindowChunk First { get; }

        public int Next { get; private set; }

        public void Append(SeismicWindowChunk c)
        {
            c.X.CopyTo(_x, c.Offset);
            c.Y.CopyTo(_y, c.Offset);
            c.Z.CopyTo(_z, c.Offset);
            Next = c.Offset + c.Count;
        }

        public SeismicWindow ToWindow() => new(First.DeviceId, First.Seq, First.StartUnixMs, First.ClockQuality, First.SampleRateHz, First.LsbPerG, First.TriggerIndex, _x, _y, _z);
    }
}
