using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Frames;

/// <summary>Reads one SenML record (a CBOR map) of a frame, checking each field's type and limits.</summary>
internal sealed class RecordReader(CborReader reader, ReadOnlyMemory<byte> data, int index, Func<string, FrameFormatException> fail)
{
    private static readonly int[] _clockQualities =
        [ClockQualities.Gnss, ClockQualities.Ntp, ClockQualities.Gateway, ClockQualities.RtcUnsynced];

    private readonly CborReader _reader = reader;
    private readonly ReadOnlyMemory<byte> _data = data;
    private readonly int _index = index;
    private readonly Func<string, FrameFormatException> _fail = fail;
    private readonly FieldReader _fields = new(reader, fail);

    public RecordFields Read()
    {
        var state = _reader.PeekState();
        if (state != CborReaderState.StartMap)
        {
            throw _fail($"not a CBOR map (found {CborWords.Describe(state)})");
        }

        var pairs = _reader.ReadStartMap()
            ?? throw _fail("the record map has an indefinite length; FRAME.md requires definite lengths");
        var fields = new RecordFields();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs; i++)
        {
            ReadField(ReadLabel(seen), fields);
        }

        _reader.ReadEndMap();
        return fields.Name is null ? throw _fail("missing n (name)")
            : fields.Value is null ? throw _fail("missing v (value)")
            : fields.Seq is null ? throw _fail("missing seq")
            : fields.ClockQuality is null ? throw _fail("missing cq")
            : fields;
    }

    private SenmlLabel ReadLabel(HashSet<string> seen)
    {
        var offset = _data.Length - _reader.BytesRemaining;
        SenmlLabel label;
        try
        {
            label = SenmlLabel.Read(_reader) ?? throw _fail(
                $"a label must be an integer or a text string (found {CborWords.Describe(_reader.PeekState())})");
        }
        catch (CborContentException)
        {
            // The frame is well-formed (checked first): strict mode refused a repeated key or bad UTF-8.
            throw SenmlLabel.TryReadLax(_data[offset..]) is { } lax && seen.Contains(lax.Key)
                ? _fail($"duplicate label {lax.Display}")
                : _fail("a label is not valid UTF-8 text");
        }

        // Also catches a repeat that strict mode lets through because it is encoded differently (0x00 vs 0x18 0x00).
        return seen.Add(label.Key) ? label : throw _fail($"duplicate label {label.Display}");
    }

    private void ReadField(SenmlLabel label, RecordFields fields)
    {
        switch (label.Key)
        {
            case SenmlLabel.BaseName: fields.BaseName = _fields.ReadText(FirstOnly("bn")); break;
            case SenmlLabel.BaseTime: fields.BaseTime = _fields.ReadInteger(FirstOnly("bt")); break;
            case SenmlLabel.BaseUnit: fields.BaseUnit = _fields.ReadId(FirstOnly("bu")); break;
            case SenmlLabel.Name: fields.Name = CheckName(_fields.ReadId("n")); break;
            case SenmlLabel.Unit: fields.Unit = _fields.ReadId("u"); break;
            case SenmlLabel.Value: fields.Value = _fields.ReadNumber("v"); break;
            case SenmlLabel.Time: fields.Time = _fields.ReadInteger("t"); break;
            case SenmlLabel.Seq: fields.Seq = _fields.ReadUnsigned("seq", long.MaxValue); break;
            case SenmlLabel.ClockQuality: fields.ClockQuality = ParseClockQuality(_fields.ReadText("cq"), "cq"); break;
            case SenmlLabel.Flags: fields.Flags = (int)_fields.ReadUnsigned("fl", int.MaxValue); break;
            case SenmlLabel.Boot: fields.BootFirstSeq = _fields.ReadUnsigned(FirstOnly("boot"), long.MaxValue); break;
            case SenmlLabel.Now: fields.Now = _fields.ReadInteger(FirstOnly("now")); break;
            case SenmlLabel.NowQuality: fields.NowQuality = ParseClockQuality(_fields.ReadText(FirstOnly("nq")), "nq"); break;
            case SenmlLabel.Step: fields.Step = _fields.ReadInteger(FirstOnly("step")); break;
            case SenmlLabel.SettingsVersion: fields.SettingsVersion = _fields.ReadUnsigned(FirstOnly("cfg"), uint.MaxValue); break;
            case SenmlLabel.Sampling: fields.SamplingSeconds = _fields.ReadUnsigned(FirstOnly("si"), int.MaxValue); break;
            case SenmlLabel.Reporting: fields.ReportingSeconds = _fields.ReadUnsigned(FirstOnly("ri"), int.MaxValue); break;
            case SenmlLabel.BaseValue or SenmlLabel.BaseSum:
                throw _fail($"{label.Display} is not part of FRAME.md and would change every value");
            case var _ when !label.IsText:
                // SenML's own fields (vs, vb, vd, s, ut, bver) and unregistered ones would change the meaning of a record.
                throw _fail($"{label.Display} is not part of FRAME.md");
            case var _ when label.MustUnderstand:
                throw _fail($"label {label.Display} ends in '_', so it must be understood (RFC 8428 §4.4), and FRAME.md does not define it");
            default:
                SkipExtension(label);
                break;
        }
    }

    private void SkipExtension(SenmlLabel label)
    {
        // RFC 8428 §4.4: a text label that does not end in '_' may be ignored.
        try
        {
            _reader.SkipValue();
        }
        catch (CborContentException)
        {
            throw _fail($"the value of {label.Display} has a repeated map key or text that is not valid UTF-8");
        }
    }

    private string FirstOnly(string name) =>
        _index == 1 ? name : throw _fail($"{name} is only allowed in the first record (FRAME.md)");

    /// <summary>RFC 8428 §4.5.1: name characters are A-Z a-z 0-9 - : . / _ (bn starts with a letter).</summary>
    private string CheckName(string name)
    {
        if (name.Length == 0)
        {
            throw _fail("n (name) is empty");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or ':' or '.' or '/' or '_'))
            {
                throw _fail($"n \"{FrameText.Printable(name)}\" has a character SenML names do not allow (RFC 8428 §4.5.1: A-Z a-z 0-9 - : . / _)");
            }
        }

        return name;
    }

    private int ParseClockQuality(string text, string name)
    {
        foreach (var quality in _clockQualities)
        {
            if (string.Equals(ClockQualities.ToText(quality), text, StringComparison.Ordinal))
            {
                return quality;
            }
        }

        throw _fail($"unknown {name} \"{FrameText.Printable(text)}\" (expected gnss, ntp, gateway or rtc-unsynced)");
    }
}
