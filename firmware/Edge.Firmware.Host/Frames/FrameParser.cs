using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Globalization;

namespace Edge.Firmware.Frames;

/// <summary>The reading side of <see cref="SenmlFrameReader"/>: walks the CBOR and applies FRAME.md's rules.</summary>
internal sealed class FrameParser
{
    private const string UrnPrefix = "urn:dev:ops:";

    private readonly ReadOnlyMemory<byte> _data;
    private readonly CborReader _reader;

    public FrameParser(ReadOnlyMemory<byte> data)
    {
        _data = data;

        // Strict mode (RFC 8949 §5.6) also refuses duplicate map keys and invalid UTF-8.
        _reader = new CborReader(data, CborConformanceMode.Strict);
    }

    /// <summary>Where the parser is, for error messages: "record 2: ", or empty for the frame as a whole.</summary>
    public string Context { get; private set; } = string.Empty;

    public SenmlFrame ParseFrame()
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

        FrameHeader? header = null;
        var records = new List<FrameRecord>(Math.Min(count, 1024));
        var seqs = new Dictionary<long, int>();
        for (var index = 1; index <= count; index++)
        {
            Context = string.Create(CultureInfo.InvariantCulture, $"record {index}: ");
            var fields = new RecordReader(_reader, _data, index, Fail).Read();
            header ??= ReadHeader(fields);
            if (seqs.TryGetValue(fields.Seq!.Value, out var earlier))
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"duplicate seq {fields.Seq} (also in record {earlier})"));
            }

            seqs.Add(fields.Seq.Value, index);
            records.Add(ToRecord(index, fields, header));
        }

        Context = string.Empty;
        _reader.ReadEndArray();
        if (_reader.BytesRemaining > 0)
        {
            var extra = _reader.BytesRemaining;
            throw Fail(string.Create(
                CultureInfo.InvariantCulture, $"trailing bytes after frame ({extra} {(extra == 1 ? "byte" : "bytes")} after the end of the array)"));
        }

        return new SenmlFrame(header!, records);
    }

    private FrameHeader ReadHeader(RecordFields fields)
    {
        var bn = fields.BaseName ?? throw Fail("missing bn (base name) in the first record");
        var bt = fields.BaseTime ?? throw Fail("missing bt (base time) in the first record");

        // RFC 9039 device URN, as FRAME.md fixes it: urn:dev:ops:{deviceId}:
        if (!bn.StartsWith(UrnPrefix, StringComparison.Ordinal) || !bn.EndsWith(':') || bn.Length <= UrnPrefix.Length + 1
            || bn[UrnPrefix.Length..^1].Contains(':', StringComparison.Ordinal))
        {
            throw Fail($"bn must be urn:dev:ops:{{deviceId}}: (got \"{FrameText.Printable(bn)}\")");
        }

        var deviceId = bn[UrnPrefix.Length..^1];
        return System.Text.Encoding.UTF8.GetByteCount(deviceId) <= FrameLimits.MaxIdBytes
            ? new FrameHeader(bn, deviceId, bt, fields.BaseUnit) { Clock = ReadClock(fields), Settings = ReadSettings(fields) }
            : throw Fail($"the device id in bn is longer than {FrameLimits.MaxIdBytes} bytes");
    }

    private FrameSettings? ReadSettings(RecordFields fields)
    {
        if (fields.SettingsVersion is null && fields.SamplingSeconds is null && fields.ReportingSeconds is null)
        {
            return null;
        }

        return fields is { SettingsVersion: { } version, SamplingSeconds: { } sampling, ReportingSeconds: { } reporting }
            ? new FrameSettings(version, (int)sampling, (int)reporting)
            : throw Fail("cfg, si and ri go together (FRAME.md, \"Device configuration\")");
    }

    private FrameClock ReadClock(RecordFields fields)
    {
        if ((fields.Now is null) != (fields.NowQuality is null))
        {
            throw Fail(fields.Now is null ? "nq without now (FRAME.md, \"Clock\")" : "now without nq (FRAME.md, \"Clock\")");
        }

        if (fields.Step is not null && fields.BootFirstSeq is null)
        {
            throw Fail("step without boot: the step applies to the readings of this boot (FRAME.md, \"Clock\")");
        }

        if (fields.Now is { } now && (now < FrameLimits.MinUnixSeconds || now > FrameLimits.MaxUnixSeconds))
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"now = {now} s is outside years 0001-9999"));
        }

        // A step larger than the representable time range cannot come from a real clock.
        const long maxStepMs = (FrameLimits.MaxUnixSeconds - FrameLimits.MinUnixSeconds) * 1000;
        if (fields.Step is { } step && (step < -maxStepMs || step > maxStepMs))
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"step = {step} ms is larger than the whole calendar"));
        }

        return new FrameClock(fields.BootFirstSeq, fields.Now, fields.NowQuality, fields.Step);
    }

    private FrameRecord ToRecord(int index, RecordFields fields, FrameHeader header)
    {
        var offset = fields.Time ?? 0;
        var seconds = (Int128)header.BaseTime + offset;
        if (seconds < FrameLimits.MinUnixSeconds || seconds > FrameLimits.MaxUnixSeconds)
        {
            throw Fail(string.Create(CultureInfo.InvariantCulture, $"time bt + t = {seconds} s is outside years 0001-9999"));
        }

        return new FrameRecord(
            index,
            fields.Name!,
            fields.Unit ?? header.BaseUnit ?? string.Empty,
            fields.Value!.Value,
            offset,
            (long)seconds * 1000,
            fields.Seq!.Value,
            fields.ClockQuality!.Value,
            fields.Flags ?? 0);
    }

    private FrameFormatException Fail(string reason) => new(Context + reason);
}
