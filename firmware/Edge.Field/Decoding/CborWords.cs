using System.Formats.Cbor;
using System.Globalization;
using System.Text;

namespace Edge.Field.Decoding;

/// <summary>Plain words for CBOR items and safe renderings of untrusted text, for error messages.</summary>
internal static class CborWords
{
    private const int MaxPrintable = 60;

    /// <summary>"a map", "a text string", ... for the item the reader is at.</summary>
    public static string Describe(CborReaderState state) => state switch
    {
        CborReaderState.UnsignedInteger => "an unsigned integer",
        CborReaderState.NegativeInteger => "a negative integer",
        CborReaderState.ByteString => "a byte string",
        CborReaderState.StartIndefiniteLengthByteString => "an indefinite-length byte string",
        CborReaderState.TextString => "a text string",
        CborReaderState.StartIndefiniteLengthTextString => "an indefinite-length text string",
        CborReaderState.StartArray => "an array",
        CborReaderState.StartMap => "a map",
        CborReaderState.Tag => "a tag",
        CborReaderState.SimpleValue => "a simple value",
        CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat
            or CborReaderState.DoublePrecisionFloat => "a float",
        CborReaderState.Null => "null",
        CborReaderState.Boolean => "a boolean",
        CborReaderState.Finished => "the end of the data",
        _ => "an unexpected item",
    };

    /// <summary>Reads a negative integer of any size (down to -2^64) as decimal text.</summary>
    public static string ReadNegative(CborReader reader) =>
        "-" + ((UInt128)reader.ReadCborNegativeIntegerRepresentation() + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="text"/> with control and other invisible characters escaped and long text cut, so
    /// that a hostile frame cannot garble the technician's terminal.
    /// </summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= MaxPrintable)
            {
                builder.Append("...");
                break;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u200e' or '\u200f'
                || (c >= '\u202a' && c <= '\u202e'))
            {
                builder.Append($"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
