using System.Formats.Cbor;
using System.Globalization;

namespace Edge.Field.Decoding;

/// <summary>Reads one SenML record (a CBOR map) of a frame, checking each field's type.</summary>
internal sealed class RecordReader(CborReader reader, ReadOnlyMemory<byte> data, int index, Func<string, FrameFormatException> fail)
{
    private readonly CborReader _reader = reader;
    private readonly ReadOnlyMemory<byte> _data = data;
    private readonly int _index = index;
    private readonly Func<string, FrameFormatException> _fail = fail;

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
        if (fields.Name is null)
        {
            throw _fail("missing n (name)");
        }

        if (fields.Value is null)
        {
            throw _fail("missing v (value)");
        }

        return fields.Seq is null ? throw _fail("missing seq")
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

        return seen.Add(label.Key) ? label : throw _fail($"duplicate label {label.Display}");
    }

    private void ReadField(SenmlLabel label, RecordFields fields)
    {
        switch (label.Key)
        {
            case SenmlLabel.BaseName:
                fields.BaseName = ReadText(FirstOnly("bn"));
                break;
            case SenmlLabel.BaseTime:
                fields.BaseTime = ReadInteger(FirstOnly("bt"));
                break;
            case SenmlLabel.BaseUnit:
                fields.BaseUnit = ReadText(FirstOnly("bu"));
                break;
            case SenmlLabel.BaseValue or SenmlLabel.BaseSum:
                throw _fail($"{label.Display} is not part of FRAME.md and would change every value");
            case SenmlLabel.Name:
                fields.Name = ReadText("n");
                if (fields.Name.Length == 0)
                {
                    throw _fail("n (name) is empty");
                }

                break;
            case SenmlLabel.Unit:
                fields.Unit = ReadText("u");
                break;
            case SenmlLabel.Value:
                fields.Value = ReadNumber();
                break;
            case SenmlLabel.Time:
                fields.Time = ReadInteger("t");
                break;
            case SenmlLabel.Seq:
                fields.Seq = ReadUnsigned("seq");
                break;
            case SenmlLabel.ClockQuality:
                fields.ClockQuality = ReadText("cq");
                break;
            case SenmlLabel.Flags:
                fields.Flags = ReadUnsigned("fl");
                break;
            default:
                if (label.MustUnderstand)
                {
                    throw _fail($"label {label.Display} ends in '_', so it must be understood (RFC 8428 §4.4), and FRAME.md does not define it");
                }

                // RFC 8428 §4.4: a label that does not end in '_' may be ignored.
                try
                {
                    _reader.SkipValue();
                }
                catch (CborContentException)
                {
                    throw _fail($"the value of {label.Display} has a repeated map key or text that is not valid UTF-8");
                }

                break;
        }
    }

    private string FirstOnly(string name) =>
        _index == 1 ? name : throw _fail($"{name} is only allowed in the first record (FRAME.md)");

    private string ReadText(string name)
    {
        var state = _reader.PeekState();
        if (state != CborReaderState.TextString)
        {
            throw _fail($"{name} must be a text string (found {CborWords.Describe(state)})");
        }

        try
        {
            return _reader.ReadTextString();
        }
        catch (CborContentException)
        {
            // The frame is well-formed (checked first), so strict mode refused the text's UTF-8.
            throw _fail($"{name} is not valid UTF-8 text");
        }
    }

    private long ReadInteger(string name)
    {
        var state = _reader.PeekState();
        if (state is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
        {
            throw _fail($"{name} must be an integer (found {CborWords.Describe(state)})");
        }

        try
        {
            return _reader.ReadInt64();
        }
        catch (OverflowException)
        {
            throw _fail($"{name} is outside the 64-bit integer range");
        }
    }

    private ulong ReadUnsigned(string name)
    {
        var state = _reader.PeekState();
        return state switch
        {
            CborReaderState.UnsignedInteger => _reader.ReadUInt64(),
            CborReaderState.NegativeInteger => throw _fail(
                $"{name} must be an unsigned integer (got {CborWords.ReadNegative(_reader)})"),
            _ => throw _fail($"{name} must be an unsigned integer (found {CborWords.Describe(state)})"),
        };
    }

    private SenmlValue ReadNumber()
    {
        var state = _reader.PeekState();
        switch (state)
        {
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                return SenmlValue.FromInteger(ReadInteger("v"));
            case CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat
                or CborReaderState.DoublePrecisionFloat:
                var value = _reader.ReadDouble();
                return double.IsFinite(value)
                    ? SenmlValue.FromFloat(value)
                    : throw _fail($"v must be a finite number (got {value.ToString(CultureInfo.InvariantCulture)})");
            default:
                throw _fail($"v must be a number (found {CborWords.Describe(state)})");
        }
    }
}
