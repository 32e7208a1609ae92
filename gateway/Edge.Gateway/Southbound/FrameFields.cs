using System.Formats.Cbor;
using System.Text;
using Edge.Uplink;

namespace Edge.Gateway.Southbound;

/// <summary>Typed reads and checks of single frame fields for <see cref="SenmlFrameDecoder"/>.</summary>
internal static class FrameFields
{
    public static string Text(CborReader reader, string what) =>
        reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : throw SenmlFrameDecoder.Reject($"{what} is not a text string");

    public static long Integer(CborReader reader, string what)
    {
        if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
        {
            throw SenmlFrameDecoder.Reject($"{what} is not an integer");
        }

        try
        {
            return reader.ReadInt64();
        }
        catch (OverflowException)
        {
            throw SenmlFrameDecoder.Reject($"{what} is outside the 64-bit range");
        }
    }

    public static long Unsigned(CborReader reader, string what, long max)
    {
        if (reader.PeekState() != CborReaderState.UnsignedInteger)
        {
            throw SenmlFrameDecoder.Reject($"{what} is not an unsigned integer");
        }

        var value = reader.ReadUInt64();
        return value <= (ulong)max ? (long)value : throw SenmlFrameDecoder.Reject($"{what} {value} exceeds {max}");
    }

    /// <summary>An integer keeps scale 0; a float becomes its shortest round-trip decimal.</summary>
    public static (long Mantissa, int Scale) Number(CborReader reader, string what)
    {
        long mantissa;
        int scale;
        var ok = reader.PeekState() switch
        {
            CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => Exact(Integer(reader, what), out mantissa, out scale),
            CborReaderState.HalfPrecisionFloat => DecimalValue.TryFromHalf(reader.ReadHalf(), out mantissa, out scale),
            CborReaderState.SinglePrecisionFloat => DecimalValue.TryFromSingle(reader.ReadSingle(), out mantissa, out scale),
            CborReaderState.DoublePrecisionFloat => DecimalValue.TryFromDouble(reader.ReadDouble(), out mantissa, out scale),
            _ => throw SenmlFrameDecoder.Reject($"{what} is not a number"),
        };
        return ok
            ? (mantissa, scale)
            : throw SenmlFrameDecoder.Reject($"{what} is NaN, infinite, or not representable with a 64-bit mantissa and at most {DecimalValue.MaxScale} decimals");
    }

    public static ClockQuality Quality(CborReader reader, string what) => Text(reader, what) switch
    {
        "gnss" => ClockQuality.Gnss,
        "ntp" => ClockQuality.Ntp,
        "gateway" => ClockQuality.Gateway,
        "rtc-unsynced" => ClockQuality.RtcUnsynced,
        var other => throw SenmlFrameDecoder.Reject($"{what} '{other}' is not a known clock quality"),
    };

    /// <summary>(bt + t) seconds as Unix milliseconds, within the years a batch can carry.</summary>
    public static long ObservedMs(long baseTime, long time, int i)
    {
        long ms;
        try
        {
            ms = checked((baseTime + time) * 1000);
        }
        catch (OverflowException)
        {
            throw SenmlFrameDecoder.Reject($"record {i}: bt + t overflows");
        }

        return ms is >= BatchLimits.MinUnixMs and <= BatchLimits.MaxUnixMs
            ? ms
            : throw SenmlFrameDecoder.Reject($"record {i}: time {ms} ms is outside years 0001-9999");
    }

    /// <summary>RFC 8428 §4.5.1: name characters are A-Z a-z 0-9 - : . / _ (bn already starts with a letter).</summary>
    public static void CheckName(string name, int i)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '.' or '/' or '_'))
        {
            throw SenmlFrameDecoder.Reject($"record {i}: n '{name}' is empty or has a character SenML names do not allow");
        }

        CheckIdLength(name, $"record {i}: n");
    }

    public static void CheckIdLength(string value, string what)
    {
        if (Encoding.UTF8.GetByteCount(value) > BatchLimits.MaxIdBytes)
        {
            throw SenmlFrameDecoder.Reject($"{what} is longer than {BatchLimits.MaxIdBytes} bytes");
        }
    }

    private static bool Exact(long value, out long mantissa, out int scale)
    {
        mantissa = value;
        scale = 0;
        return true;
    }
}
