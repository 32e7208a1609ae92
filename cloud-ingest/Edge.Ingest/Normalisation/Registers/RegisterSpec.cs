namespace Edge.Ingest.Normalisation.Registers;

/// <summary>What the classifier needs to know about a meter's register.</summary>
/// <param name="IntegerDigits">
/// Digits of whole cubic metres on the register (e.g. 5 for 00000-99999 m³); the register rolls over to zero at
/// 10^digits m³. Null for a register that never rolls over within its life.
/// </param>
/// <param name="MaxFlowM3PerHour">Overload flow rate Q4, the most the meter can pass, in m³/h.</param>
/// <param name="ResolutionM3">Smallest register step (last digit), allowed on top of Q4 × time for the reading granularity.</param>
public sealed record RegisterSpec(int? IntegerDigits, decimal MaxFlowM3PerHour, decimal ResolutionM3 = 0.001m)
{
    /// <summary>
    /// Q4/Q3 = 1.25 for every water meter (ISO 4064-1:2014 | OIML R 49-1:2013 §4.1.3), so a domestic meter with
    /// Q3 = 2.5 m³/h has Q4 = 3.125 m³/h.
    /// </summary>
    public const decimal OverloadToPermanentRatio = 1.25m;

    /// <summary>Permanent flow rate Q3 of the common domestic meter (DN13-DN20), in m³/h.</summary>
    public const decimal DomesticQ3M3PerHour = 2.5m;

    /// <summary>Creates the spec of a meter from its marked permanent flow rate Q3.</summary>
    public static RegisterSpec FromQ3(int? integerDigits, decimal q3M3PerHour) =>
        new(integerDigits, q3M3PerHour * OverloadToPermanentRatio);

    /// <summary>A domestic Q3 = 2.5 m³/h meter (Q4 = 3.125 m³/h).</summary>
    public static RegisterSpec Domestic(int? integerDigits) => FromQ3(integerDigits, DomesticQ3M3PerHour);

    /// <summary>The value at which the register returns to zero (10^digits m³), or null when it never does.</summary>
    public decimal? ModulusM3 => IntegerDigits is { } digits ? Pow10(digits) : null;

    /// <summary>The largest volume the meter can pass in <paramref name="elapsed"/>, plus one register step.</summary>
    public decimal MaxVolumeM3(TimeSpan elapsed) =>
        MaxFlowM3PerHour * elapsed.Ticks / TimeSpan.TicksPerHour + ResolutionM3;

    private static decimal Pow10(int digits)
    {
        var value = 1m;
        for (var i = 0; i < digits; i++)
        {
            value *= 10m;
        }

        return value;
    }
}
