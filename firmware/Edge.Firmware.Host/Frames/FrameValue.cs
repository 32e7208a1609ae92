using System;
using System.Globalization;

namespace Edge.Firmware.Frames;

/// <summary>
/// The value (<c>v</c>) of a record, exactly: value = <see cref="Mantissa"/> × 10^-<see cref="Scale"/>.
/// An integer keeps scale 0; a float becomes its shortest round-trip decimal (FRAME.md: that rendering
/// is the exact register), so 0.1 sent as float64 is (1, 1), not 0.1000000000000000055511151231257827.
/// </summary>
public readonly record struct FrameValue
{
    /// <summary>Creates a value; <paramref name="scale"/> must be 0..<see cref="FrameLimits.MaxScale"/>.</summary>
    public FrameValue(long mantissa, int scale, bool isInteger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, FrameLimits.MaxScale);
        Mantissa = mantissa;
        Scale = scale;
        IsInteger = isInteger;
    }

    /// <summary>The decimal digits of the value, with its sign.</summary>
    public long Mantissa { get; }

    /// <summary>The number of decimals, 0..<see cref="FrameLimits.MaxScale"/>.</summary>
    public int Scale { get; }

    /// <summary>True when the device sent a CBOR integer, false for a CBOR float.</summary>
    public bool IsInteger { get; }

    /// <summary>The value as the nearest double (exact for small integers and most meter registers).</summary>
    public double ToDouble() => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value as plain decimal text in the invariant culture, e.g. <c>1234</c>, <c>-2.5</c>, <c>0.00001</c>.</summary>
    public override string ToString()
    {
        // long.MinValue has no positive counterpart: take its digits from the unsigned magnitude.
        var magnitude = Mantissa < 0 ? (ulong)(-(Mantissa + 1)) + 1 : (ulong)Mantissa;
        var digits = magnitude.ToString(CultureInfo.InvariantCulture);
        if (Scale > 0)
        {
            digits = digits.PadLeft(Scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - Scale), ".", digits.AsSpan(digits.Length - Scale));
        }

        return Mantissa < 0 ? "-" + digits : digits;
    }

    /// <summary>A value sent as a CBOR integer.</summary>
    internal static FrameValue FromInteger(long value) => new(value, 0, isInteger: true);

    /// <summary>A value sent as a CBOR float of the given precision; false when not finite or not representable.</summary>
    internal static bool TryFromDouble(double value, out FrameValue result) =>
        Exact(ShortestDecimal.TryFromDouble(value, out var m, out var s), m, s, out result);

    /// <inheritdoc cref="TryFromDouble"/>
    internal static bool TryFromSingle(float value, out FrameValue result) =>
        Exact(ShortestDecimal.TryFromSingle(value, out var m, out var s), m, s, out result);

    /// <inheritdoc cref="TryFromDouble"/>
    internal static bool TryFromHalf(Half value, out FrameValue result) =>
        Exact(ShortestDecimal.TryFromHalf(value, out var m, out var s), m, s, out result);

    private static bool Exact(bool ok, long mantissa, int scale, out FrameValue result)
    {
        result = ok ? new FrameValue(mantissa, scale, isInteger: false) : default;
        return ok;
    }
}
