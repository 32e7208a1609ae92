using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;

namespace Edge.Benchmarks.GatewayIngest;

/// <summary>
/// The frames one simulated meter sends, encoded by the real firmware encoder: <c>readingsPerFrame</c> volume
/// readings per frame, seq 1, 2, 3, … across frames, whole litres (so CBOR integers), clock quality ntp.
/// The readings are observed one second apart, the last at the current second: time runs faster than a real
/// meter's, but every reading is current (class reading, never backfill, never past a TTL).
/// </summary>
internal sealed class FrameSource
{
    private readonly SenmlFrameEncoder _encoder;
    private readonly long[] _seqs;
    private readonly long[] _timesMs;
    private readonly long[] _valuesMilli;
    private readonly int[] _flags;
    private readonly int[] _qualities;
    private long _nextSeq = 1;
    private long _registerLitres;

    public FrameSource(string deviceId, int readingsPerFrame, int seed)
    {
        _encoder = new SenmlFrameEncoder(deviceId, new byte[64 * readingsPerFrame + 256]);
        _seqs = new long[readingsPerFrame];
        _timesMs = new long[readingsPerFrame];
        _valuesMilli = new long[readingsPerFrame];
        _flags = new int[readingsPerFrame];
        _qualities = new int[readingsPerFrame];
        Array.Fill(_qualities, ClockQualities.Ntp);
        _registerLitres = 1000L * seed;
    }

    /// <summary>The next frame (a fresh array: MQTTnet may hold the payload until the PUBACK).</summary>
    public byte[] Next()
    {
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeSeconds() * 1000;
        for (var i = 0; i < _seqs.Length; i++)
        {
            var seq = _nextSeq++;
            _seqs[i] = seq;
            _timesMs[i] = nowMs - ((_seqs.Length - 1 - i) * 1000L);
            _registerLitres += (seq * 7) % 13; // 0..12 litres a reading
            _valuesMilli[i] = _registerLitres * 1000;
        }

        // As the firmware does: every frame says which boot it was sent in and what the clock reads (FRAME.md, "Clock").
        _encoder.SetClock(1, nowMs, ClockQualities.Ntp, hasStep: false, stepMs: 0);
        var length = _encoder.EncodeMilli("volume", "l", _seqs.Length, _seqs, _timesMs, _valuesMilli, _flags, _qualities);
        if (length < 0)
        {
            throw new InvalidOperationException("the frame does not fit the encoder's buffer");
        }

        return _encoder.Buffer.AsSpan(0, length).ToArray();
    }
}
