using Edge.Firmware.Hardware;

namespace Edge.Firmware.Encoding;

/// <summary>
/// Encodes one chunk of a captured acceleration window as firmware/FRAME.md "Seismic window" specifies: a CBOR
/// map with the window's identity (base name, sequence number), timing (first sample's time, clock quality,
/// rate), scale (LSB per g), length, trigger index and the chunk's offset, then the three axes as byte strings
/// of signed 24-bit big-endian samples. No allocation per chunk.
/// </summary>
public sealed class SeismicWindowEncoder
{
    /// <summary>Bytes of a chunk's fixed part (labels, base name up to 64 bytes, integers), a safe bound.</summary>
    public const int HeaderBytes = 192;

    private readonly CborWriter _writer;
    private readonly string _baseName;

    /// <summary>Creates an encoder for device <paramref name="deviceId"/> whose chunks hold up to <paramref name="maxChunkSamples"/> samples.</summary>
    public SeismicWindowEncoder(string deviceId, int maxChunkSamples)
    {
        _baseName = "urn:dev:ops:" + deviceId + ":";
        _writer = new CborWriter(new byte[HeaderBytes + (maxChunkSamples * 9) + 12]);
    }

    /// <summary>The encoded chunk (valid up to the length <see cref="Encode"/> returned).</summary>
    public byte[] Buffer => _writer.Buffer;

    /// <summary>
    /// Encodes samples <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> − 1 of a
    /// window of <paramref name="total"/> samples; returns the length, or -1 when it does not fit.
    /// </summary>
    public int Encode(long seq, long startUnixMs, int clockQuality, int sampleRateHz, int lsbPerG, int total, int triggerIndex, int offset, int count, int[] x, int[] y, int[] z)
    {
        var w = _writer;
        w.Reset();
        w.WriteMapHeader(12);
        w.WriteText("bn");
        w.WriteText(_baseName);
        w.WriteText("seq");
        w.WriteInt64(seq);
        w.WriteText("t0");
        w.WriteInt64(startUnixMs);
        w.WriteText("cq");
        w.WriteText(ClockQualities.ToText(clockQuality));
        w.WriteText("hz");
        w.WriteInt64(sampleRateHz);
        w.WriteText("lsb");
        w.WriteInt64(lsbPerG);
        w.WriteText("n");
        w.WriteInt64(total);
        w.WriteText("trig");
        w.WriteInt64(triggerIndex);
        w.WriteText("off");
        w.WriteInt64(offset);
        w.WriteText("x");
        w.WriteInt24String(x, offset, count);
        w.WriteText("y");
        w.WriteInt24String(y, offset, count);
        w.WriteText("z");
        w.WriteInt24String(z, offset, count);
        return w.Overflowed ? -1 : w.Length;
    }
}
