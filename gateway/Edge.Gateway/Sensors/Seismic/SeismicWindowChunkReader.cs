using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using Edge.Firmware.Frames;

namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// Reads a seismic window chunk (firmware/FRAME.md, "Seismic window") and checks every rule that one chunk can
/// break; a chunk that fails is refused as a whole with a reason. Never throws on input.
/// </summary>
internal static class SeismicWindowChunkReader
{
    /// <summary>The only sample rate accepted (Hz).</summary>
    public const int SampleRateHz = 100;

    /// <summary>Shortest window: 10 s, so the 0.3 s criterion sees shaking rather than an edge.</summary>
    public const int MinSamples = 1000;

    /// <summary>Longest window: 600 s.</summary>
    public const int MaxSamples = 60000;

    private static readonly string[] _labels = ["bn", "seq", "t0", "cq", "hz", "lsb", "n", "trig", "off", "x", "y", "z"];
    private static readonly string[] _qualities = ["rtc-unsynced", "gateway", "ntp", "gnss"];

    /// <summary>Reads <paramref name="payload"/> published on the window topic of <paramref name="deviceId"/>.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> payload, string deviceId, [NotNullWhen(true)] out SeismicWindowChunk? chunk, [NotNullWhen(false)] out string? reason)
    {
        chunk = null;
        try
        {
            reason = Read(payload, deviceId, out chunk);
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            reason = $"not a well-formed CBOR window chunk: {ex.Message}";
        }

        if (reason is not null)
        {
            chunk = null;
            return false;
        }

        return chunk is not null;
    }

    private static string? Read(ReadOnlyMemory<byte> payload, string deviceId, out SeismicWindowChunk? chunk)
    {
        chunk = null;
        var r = new CborReader(payload, CborConformanceMode.Strict);
        if (r.PeekState() != CborReaderState.StartMap)
        {
            return "a window chunk must be a CBOR map";
        }

        var pairs = r.ReadStartMap();
        if (pairs is null)
        {
            return "a window chunk must be a definite-length map";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? bn = null, cq = null;
        long seq = 0, t0 = 0, hz = 0, lsb = 0, n = 0, trig = 0, off = 0;
        byte[] x = [], y = [], z = [];
        for (var i = 0; i < pairs; i++)
        {
            if (r.PeekState() != CborReaderState.TextString)
            {
                return "window chunk labels must be text";
            }

            var label = r.ReadTextString();
            if (Array.IndexOf(_labels, label) < 0)
            {
                return $"unknown label '{FrameText.Printable(label)}'";
            }

            if (!seen.Add(label))
            {
                return $"label '{label}' appears twice";
            }

            switch (label)
            {
                case "bn": bn = Text(r, label); break;
                case "cq": cq = Text(r, label); break;
                case "x": x = Bytes(r, label); break;
                case "y": y = Bytes(r, label); break;
                case "z": z = Bytes(r, label); break;
                case "t0": t0 = Integer(r, label, signed: true); break;
                case "seq": seq = Integer(r, label); break;
                case "hz": hz = Integer(r, label); break;
                case "lsb": lsb = Integer(r, label); break;
                case "n": n = Integer(r, label); break;
                case "trig": trig = Integer(r, label); break;
                default: off = Integer(r, label); break;
            }
        }

        r.ReadEndMap();
        if (r.BytesRemaining != 0)
        {
            return $"{r.BytesRemaining} bytes after the window chunk";
        }

        if (seen.Count != _labels.Length)
        {
            return $"missing label(s): {string.Join(", ", _labels.Where(l => !seen.Contains(l)))}";
        }

        if (!string.Equals(bn, $"urn:dev:ops:{deviceId}:", StringComparison.Ordinal))
        {
            return $"bn '{FrameText.Printable(bn!)}' does not match the topic's device (expected 'urn:dev:ops:{deviceId}:')";
        }

        var quality = Array.IndexOf(_qualities, cq);
        return quality < 0 ? $"unknown cq '{FrameText.Printable(cq!)}'"
            : seq < 1 ? "seq must be at least 1"
            : hz != SampleRateHz ? $"hz {hz}: only {SampleRateHz} Hz windows are accepted"
            : lsb < 1 || lsb > 10_000_000 ? $"lsb {lsb} is not a plausible scale (LSB per g)"
            : n < MinSamples || n > MaxSamples ? $"n {n} is outside {MinSamples}..{MaxSamples} samples"
            : trig >= n ? $"trig {trig} is not inside the window of {n} samples"
            : x.Length != y.Length || y.Length != z.Length ? "the axes x, y and z must have the same length"
            : x.Length == 0 || x.Length % 3 != 0 ? "axis byte strings must hold whole 3-byte samples, at least one"
            : off + (x.Length / 3) > n ? $"chunk at {off} with {x.Length / 3} samples runs past n {n}"
            : Build(out chunk, deviceId, seq, t0, quality, (int)hz, (int)lsb, (int)n, (int)trig, (int)off, x, y, z);
    }

    private static string? Build(out SeismicWindowChunk chunk, string device, long seq, long t0, int quality, int hz, int lsb, int n, int trig, int off, byte[] x, byte[] y, byte[] z)
    {
        chunk = new SeismicWindowChunk(device, seq, t0, quality, hz, lsb, n, trig, off, Samples(x), Samples(y), Samples(z));
        return null;
    }

    private static int[] Samples(byte[] bytes)
    {
        var samples = new int[bytes.Length / 3];
        for (var i = 0; i < samples.Length; i++)
        {
            // Signed 24-bit big-endian: shift into the top of an int and back to extend the sign.
            samples[i] = ((bytes[3 * i] << 24) | (bytes[(3 * i) + 1] << 16) | (bytes[(3 * i) + 2] << 8)) >> 8;
        }

        return samples;
    }

    private static string Text(CborReader r, string label) =>
        r.PeekState() == CborReaderState.TextString ? r.ReadTextString() : throw new FormatException($"'{label}' must be text");

    private static byte[] Bytes(CborReader r, string label) =>
        r.PeekState() == CborReaderState.ByteString ? r.ReadByteString() : throw new FormatException($"'{label}' must be a byte string");

    private static long Integer(CborReader r, string label, bool signed = false)
    {
        var state = r.PeekState();
        if (state == CborReaderState.UnsignedInteger || (signed && state == CborReaderState.NegativeInteger))
        {
            return r.ReadInt64();
        }

        throw new FormatException($"'{label}' must be {(signed ? "an integer" : "an unsigned integer")}");
    }
}
