using System;
using System.Formats.Cbor;
using System.Globalization;

namespace Edge.Firmware.Frames;

/// <summary>Plain words for CBOR items, for the one-line reasons of <see cref="FrameFormatException"/>.</summary>
internal static class CborWords
{
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
}
