using System;
using System.Formats.Cbor;
using System.Globalization;

namespace Edge.Firmware.Frames;

/// <summary>Typed reads of single record fields, each refused with a plain reason naming the field.</summary>
internal sealed class FieldReader(CborReader reader, Func<string, FrameFormatException> fail)
{
    private readonly CborReader _reader = reader;
    private readonly Func<string, FrameFormatException> _fail = fail;

    public string ReadText(string name)
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

    /// <summary>Text of at most <see cref="FrameLimits.MaxIdBytes"/> UTF-8 bytes (a channel, unit or id).</summary>
    public string ReadId(string name)
    {
        var text = ReadText(name);
        return System.Text.Encoding.UTF8.GetByteCount(text) <= FrameLimits.MaxIdBytes
            ? text
            : throw _fail($"{name} is longer than {FrameLimits.MaxIdBytes} bytes");
    }

    public long ReadInteger(string name)
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

    public long ReadUnsigned(string name, long max)
    {
        var state = _reader.PeekState();
        switch (state)
        {
            case CborReaderState.UnsignedInteger:
                var value = _reader.ReadUInt64();
                return value <= (ulong)max
                    ? (long)value
                    : throw _fail(string.Create(CultureInfo.InvariantCulture, $"{name} must be at most {max} (got {value})"));
            case CborReaderState.NegativeInteger:
                throw _fail($"{name} must be an unsigned integer (got {CborWords.ReadNegative(_reader)})");
            default:
                throw _fail($"{name} must be an unsigned integer (found {CborWords.Describe(state)})");
        }
    }

    /// <summary>An integer, or a float turned into its shortest round-trip decimal (<see cref="FrameValue"/>).</summary>
    public FrameValue ReadNumber(string name)
    {
        var state = _reader.PeekState();
        FrameValue value;
        (bool Finite, bool Exact, string Shown) read;
        switch (state)
        {
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                return FrameValue.FromInteger(ReadInteger(name));
            case CborReaderState.HalfPrecisionFloat:
                var half = _reader.ReadHalf();
                read = (Half.IsFinite(half), FrameValue.TryFromHalf(half, out value), half.ToString(CultureInfo.InvariantCulture));
                break;
            case CborReaderState.SinglePrecisionFloat:
                var single = _reader.ReadSingle();
                read = (float.IsFinite(single), FrameValue.TryFromSingle(single, out value), single.ToString("R", CultureInfo.InvariantCulture));
                break;
            case CborReaderState.DoublePrecisionFloat:
                var number = _reader.ReadDouble();
                read = (double.IsFinite(number), FrameValue.TryFromDouble(number, out value), number.ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                throw _fail($"{name} must be a number (found {CborWords.Describe(state)})");
        }

        return !read.Finite ? throw _fail($"{name} must be a finite number (got {read.Shown})")
            : read.Exact ? value
            : throw _fail($"{name} {read.Shown} is not representable with a 64-bit mantissa and at most {FrameLimits.MaxScale} decimals");
    }
}
