using System;
using System.Formats.Cbor;
using System.Globalization;

namespace Edge.Firmware.Frames;

/// <summary>A map key of a SenML record: an integer label (RFC 8428 §6) or a text label (FRAME.md's own).</summary>
internal readonly record struct SenmlLabel(bool IsText, string Raw)
{
    // Keys: "i:{integer}" for integer labels, "t:{text}" for text labels.
    public const string BaseName = "i:-2";
    public const string BaseTime = "i:-3";
    public const string BaseUnit = "i:-4";
    public const string BaseValue = "i:-5";
    public const string BaseSum = "i:-6";
    public const string Name = "i:0";
    public const string Unit = "i:1";
    public const string Value = "i:2";
    public const string Time = "i:6";
    public const string Seq = "t:seq";
    public const string ClockQuality = "t:cq";
    public const string Flags = "t:fl";
    public const string Boot = "t:boot";
    public const string Now = "t:now";
    public const string NowQuality = "t:nq";
    public const string Step = "t:step";
    public const string SettingsVersion = "t:cfg";
    public const string Sampling = "t:si";
    public const string Reporting = "t:ri";

    /// <summary>A key that tells an integer label from a text label with the same characters.</summary>
    public string Key => (IsText ? "t:" : "i:") + Raw;

    /// <summary>True for a text label ending in '_' (RFC 8428 §4.4: must be understood).</summary>
    public bool MustUnderstand => IsText && Raw.EndsWith('_');

    /// <summary>The label for an error message: "bt (-3)", "s (5)", "label 9" or "\"xyz\"".</summary>
    public string Display => IsText ? $"\"{FrameText.Printable(Raw)}\"" : Raw switch
    {
        // RFC 8428 §6, Table 4.
        "-1" => "bver (-1)",
        "-2" => "bn (-2)",
        "-3" => "bt (-3)",
        "-4" => "bu (-4)",
        "-5" => "bv (-5)",
        "-6" => "bs (-6)",
        "0" => "n (0)",
        "1" => "u (1)",
        "2" => "v (2)",
        "3" => "vs (3)",
        "4" => "vb (4)",
        "5" => "s (5)",
        "6" => "t (6)",
        "7" => "ut (7)",
        "8" => "vd (8)",
        _ => $"label {Raw}",
    };

    /// <summary>Reads a label; null (and nothing read) when the item is neither an integer nor text.</summary>
    public static SenmlLabel? Read(CborReader reader) => reader.PeekState() switch
    {
        CborReaderState.UnsignedInteger => new SenmlLabel(false, reader.ReadUInt64().ToString(CultureInfo.InvariantCulture)),
        CborReaderState.NegativeInteger => new SenmlLabel(false, CborWords.ReadNegative(reader)),
        CborReaderState.TextString => new SenmlLabel(true, reader.ReadTextString()),
        _ => null,
    };

    /// <summary>
    /// Reads the label at the start of <paramref name="data"/> without strict-mode checks; used to name
    /// the label when strict mode refused it (a duplicate key). Null when it cannot be read at all.
    /// </summary>
    public static SenmlLabel? TryReadLax(ReadOnlyMemory<byte> data)
    {
        try
        {
            return Read(new CborReader(data, CborConformanceMode.Lax, allowMultipleRootLevelValues: true));
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
