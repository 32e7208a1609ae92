using System.Globalization;

namespace Edge.Field.Decoding;

/// <summary>A SenML numeric value (<c>v</c>) as it was sent: a CBOR integer or a CBOR float.</summary>
public readonly record struct SenmlValue
{
    private SenmlValue(bool isInteger, long integer, double number)
    {
        IsInteger = isInteger;
        Integer = integer;
        Number = number;
    }

    /// <summary>True when the value was sent as a CBOR integer.</summary>
    public bool IsInteger { get; }

    /// <summary>The integer value (meaningful when <see cref="IsInteger"/>).</summary>
    public long Integer { get; }

    /// <summary>The value as a double (exact for floats; nearest double for large integers).</summary>
    public double Number { get; }

    /// <summary>A value sent as a CBOR integer.</summary>
    public static SenmlValue FromInteger(long value) => new(true, value, value);

    /// <summary>A value sent as a CBOR float.</summary>
    public static SenmlValue FromFloat(double value) => new(false, 0, value);

    /// <summary>
    /// The value in invariant culture: integers as they are, floats in their shortest round-trip form
    /// (FRAME.md: the shortest decimal rendering of the float is the exact register).
    /// </summary>
    public override string ToString() =>
        IsInteger
            ? Integer.ToString(CultureInfo.InvariantCulture)
            : Number.ToString("R", CultureInfo.InvariantCulture);
}
