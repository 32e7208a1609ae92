using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using System.Text;
using Edge.Uplink;

namespace Edge.Gateway.Southbound;

/// <summary>
/// Decodes a device frame (firmware/FRAME.md: SenML records in CBOR, RFC 8428 §6) into readings, strictly:
/// a frame that breaks any rule is refused as a whole with a reason, and nothing of it is used.
/// </summary>
public static class SenmlFrameDecoder
{
    // RFC 8428 §6, Table 4: CBOR labels of the SenML fields a device frame uses.
    private const long BaseName = -2;
    private const long BaseTime = -3;
    private const long BaseUnit = -4;
    private const long Name = 0;
    private const long Unit = 1;
    private const long Value = 2;
    private const long Time = 6;

    /// <summary>Decodes <paramref name="payload"/> sent on the topic of <paramref name="deviceId"/>.</summary>
    /// <returns>True with the readings in frame order; false with the reason the frame is refused.</returns>
    public static bool TryDecode(
        ReadOnlyMemory<byte> payload,
        string deviceId,
        [NotNullWhen(true)] out IReadOnlyList<FrameReading>? readings,
        [NotNullWhen(false)] out string? reason)
    {
        readings = null;
        try
        {
            readings = Decode(payload, deviceId);
            reason = null;
            return true;
        }
        catch (FrameRejectedException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or OverflowException or DecoderFallbackException)
        {
            reason = $"malformed CBOR: {ex.Message}";
        }

        return false;
    }

    private static List<FrameReading> Decode(ReadOnlyMemory<byte> payload, string deviceId)
    {
        if (payload.IsEmpty)
        {
            throw Reject("frame is empty");
        }

        // Strict mode (RFC 8949 §5.6) also refuses duplicate map keys and invalid UTF-8.
        var reader = new CborReader(payload, CborConformanceMode.Strict);
        if (reader.PeekState() != CborReaderState.StartArray)
        {
            throw Reject("frame is not a CBOR array");
        }

        var count = reader.ReadStartArray() ?? throw Reject("frame is an indefinite-length array (definite lengths only)");
        if (count == 0)
        {
            throw Reject("frame has no records");
        }

        var header = new FrameHeader();
        var readings = new List<FrameReading>(count);
        var seqs = new HashSet<long>();
        for (var i = 0; i < count; i++)
        {
            var reading = ReadRecord(reader, i, deviceId, header);
            if (!seqs.Add(reading.Seq))
            {
                throw Reject($"record {i}: seq {reading.Seq} appears twice in the frame");
            }

            readings.Add(reading);
        }

        reader.ReadEndArray();
        if (reader.BytesRemaining != 0)
        {
            throw Reject($"{reader.BytesRemaining} trailing bytes after the frame");
        }

        return readings;
    }

    private static FrameReading ReadRecord(CborReader reader, int i, string deviceId, FrameHeader header)
    {
        if (reader.PeekState() != CborReaderState.StartMap)
        {
            throw Reject($"record {i} is not a map");
        }

        var pairs = reader.ReadStartMap() ?? throw Reject($"record {i} is an indefinite-length map (definite lengths only)");
        string? name = null, unit = null;
        long? seq = null;
        ClockQuality? quality = null;
        (long Mantissa, int Scale)? value = null;
        long time = 0, flags = 0;
        for (var p = 0; p < pairs; p++)
        {
            switch (reader.PeekState())
            {
                case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                    var label = reader.ReadInt64();
                    switch (label)
                    {
                        case BaseName: header.Name = FrameFields.Text(reader, FirstOnly(i, "bn")); break;
                        case BaseTime: header.Time = FrameFields.Integer(reader, FirstOnly(i, "bt")); break;
                        case BaseUnit: header.Unit = FrameFields.Text(reader, FirstOnly(i, "bu")); break;
                        case Name: name = FrameFields.Text(reader, $"record {i}: n"); break;
                        case Unit: unit = FrameFields.Text(reader, $"record {i}: u"); break;
                        case Value: value = FrameFields.Number(reader, $"record {i}: v"); break;
                        case Time: time = FrameFields.Integer(reader, $"record {i}: t"); break;
                        default: throw Reject($"record {i}: SenML label {label} is not supported in a device frame");
                    }

                    break;
                case CborReaderState.TextString:
                    var key = reader.ReadTextString();
                    switch (key)
                    {
                        case "seq": seq = FrameFields.Unsigned(reader, $"record {i}: seq", long.MaxValue); break;
                        case "cq": quality = FrameFields.Quality(reader, $"record {i}: cq"); break;
                        case "fl": flags = FrameFields.Unsigned(reader, $"record {i}: fl", int.MaxValue); break;
                        case var must when must.EndsWith('_'):
                            // RFC 8428 §4.4: labels ending in '_' must be understood or the pack rejected.
                            throw Reject($"record {i}: must-understand label '{must}' is not supported");
                        default: reader.SkipValue(); break;
                    }

                    break;
                default:
                    throw Reject($"record {i}: a map key is neither an integer nor a text label");
            }
        }

        reader.ReadEndMap();
        if (i == 0)
        {
            header.Validate(deviceId);
        }

        if (name is null)
        {
            throw Reject($"record {i} has no n (name)");
        }

        FrameFields.CheckName(name, i);
        var resolvedUnit = unit ?? header.Unit ?? "";
        FrameFields.CheckIdLength(resolvedUnit, $"record {i}: unit");
        var v = value ?? throw Reject($"record {i} has no v (numeric value)");
        var s = seq ?? throw Reject($"record {i} has no seq");
        var q = quality ?? throw Reject($"record {i} has no cq");
        var observed = FrameFields.ObservedMs(header.Time!.Value, time, i);
        return new FrameReading(name, resolvedUnit, s, observed, v.Mantissa, v.Scale, q, (int)flags);
    }

    private static string FirstOnly(int i, string label) =>
        i == 0 ? label : throw Reject($"record {i}: {label} is only allowed in the first record");

    internal static FrameRejectedException Reject(string reason) => new(reason);
}
