using System.Formats.Cbor;
using Edge.Firmware.Hardware;

namespace Edge.Field.Decoding;

/// <summary>The reading side of <see cref="FrameDecoder"/>: walks the CBOR and applies FRAME.md's rules.</summary>
internal sealed class FrameParser
{
    private const string UrnPrefix = "urn:dev:ops:";
    private static readonly string[] _clockQualities =
    [
        ClockQualities.ToText(ClockQualities.Gnss),
        ClockQualities.ToText(ClockQualities.Ntp),
        ClockQualities.ToText(ClockQualities.Gateway),
        ClockQualities.ToText(ClockQualities.RtcUnsynced),
    ];

    private readonly ReadOnlyMemory<byte> _data;
    private readonly CborReader _reader;

    public FrameParser(ReadOnlyMemory<byte> data)
    {
        _data = data;
        _reader = new CborReader(data, CborConformanceMode.Strict);
    }

    /// <summary>Where the parser is, for error messages: "record 2: ", or empty for the frame as a whole.</summary>
    public string Context { get; private set; } = string.Empty;

    public DecodedFrame ParseFrame()
    {
        var state = _reader.PeekState();
        if (state != CborReaderState.StartArray)
        {
            throw Fail($"not a CBOR array (the frame starts with {CborWords.Describe(state)})");
        }

        var count = _reader.ReadStartArray()
            ?? throw Fail("the frame array has an indefinite length; FRAME.md requires definite lengths");
        if (count == 0)
        {
            throw Fail("the frame has no records");
        }

        RecordFields? first = null;
        var records = new List<DecodedRecord>();
        var seqs = new Dictionary<ulong, int>();
        for (var index = 1; index <= count; index++)
        {
            Context = $"record {index}: ";
            var fields = new RecordReader(_reader, _data, index, Fail).Read();
            first ??= CheckFirst(fields);
            if (seqs.TryGetValue(fields.Seq!.Value, out var earlier))
            {
                throw Fail($"duplicate seq {fields.Seq} (also in record {earlier})");
            }

            seqs.Add(fields.Seq.Value, index);
            records.Add(ToRecord(index, fields, first));
        }

        Context = string.Empty;
        _reader.ReadEndArray();
        if (_reader.BytesRemaining > 0)
        {
            var extra = _reader.BytesRemaining;
            throw Fail($"trailing bytes after frame ({extra} {(extra == 1 ? "byte" : "bytes")} after the end of the array)");
        }

        return new DecodedFrame
        {
            BaseName = first!.BaseName!,
            DeviceId = first.BaseName![UrnPrefix.Length..^1],
            BaseTime = first.BaseTime!.Value,
            BaseUnit = first.BaseUnit,
            Records = records,
        };
    }

    private RecordFields CheckFirst(RecordFields fields)
    {
        if (fields.BaseName is null)
        {
            throw Fail("missing bn (base name) in the first record");
        }

        if (fields.BaseTime is null)
        {
            throw Fail("missing bt (base time) in the first record");
        }

        var bn = fields.BaseName;
        if (!bn.StartsWith(UrnPrefix, StringComparison.Ordinal) || !bn.EndsWith(':') || bn.Length <= UrnPrefix.Length + 1
            || bn[UrnPrefix.Length..^1].Contains(':', StringComparison.Ordinal))
        {
            throw Fail($"bn must be urn:dev:ops:{{deviceId}}: (got \"{CborWords.Printable(bn)}\")");
        }

        return fields;
    }

    private DecodedRecord ToRecord(int index, RecordFields fields, RecordFields first)
    {
        var offset = fields.Time ?? 0;
        var seconds = (Int128)first.BaseTime!.Value + offset;
        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Fail($"time bt + t = {seconds} s is outside the calendar");
        }

        var cq = fields.ClockQuality!;
        if (Array.IndexOf(_clockQualities, cq) < 0)
        {
            throw Fail($"unknown cq \"{CborWords.Printable(cq)}\" (expected gnss, ntp, gateway or rtc-unsynced)");
        }

        return new DecodedRecord
        {
            Index = index,
            Channel = fields.Name!,
            Value = fields.Value!.Value,
            Unit = fields.Unit ?? first.BaseUnit ?? string.Empty,
            TimeOffsetSeconds = offset,
            Time = DateTimeOffset.FromUnixTimeSeconds((long)seconds),
            Seq = fields.Seq!.Value,
            ClockQuality = cq,
            Flags = fields.Flags ?? 0,
        };
    }

    private FrameFormatException Fail(string reason) => new(Context + reason);
}
