using System.Globalization;

namespace Edge.Ingest.Normalisation.Registers;

/// <summary>
/// Classifies a new register reading against the previous accepted one. The only physics used is the meter's overload
/// flow Q4: no meter passes more than Q4 × elapsed time, forwards or backwards, so every explanation of a change
/// (plain increase, rollover, reverse flow) must fit within that volume. What fits none of them is a replacement or
/// reset (the volume between is unknown) or a suspect jump (kept, flagged).
/// </summary>
public static class RegisterClassifier
{
    /// <summary>Classifies <paramref name="current"/> against <paramref name="previous"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="current"/> is observed before <paramref name="previous"/>.</exception>
    public static RegisterStep Classify(RegisterReading previous, RegisterReading current, RegisterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var elapsed = current.ObservedAt - previous.ObservedAt;
        if (elapsed < TimeSpan.Zero)
        {
            throw new ArgumentException("Readings must be classified in observed-time order.", nameof(current));
        }

        var p = previous.ValueM3;
        var c = current.ValueM3;
        if (c < 0m || c >= spec.ModulusM3)
        {
            return new RegisterStep(RegisterStepKind.OutOfRange, null,
                QualityFlag.Suspect(Text($"The register value {c} m³ is outside 0 to {spec.ModulusM3} m³ ({spec.IntegerDigits} digits).")),
                Text($"Register value {c} m³ out of range."));
        }

        if (previous.MeterSerial is { } before && current.MeterSerial is { } after
            && !string.Equals(before, after, StringComparison.Ordinal))
        {
            // A known replacement is a fact, not a doubt: the reading is good, only the volume between is unknown.
            return new RegisterStep(RegisterStepKind.Replacement, null, QualityFlag.Good,
                $"Meter replaced: serial '{before}' then '{after}'; the volume between is unknown.");
        }

        var max = spec.MaxVolumeM3(elapsed);
        var limit = Text($"{spec.MaxFlowM3PerHour} m³/h (Q4) × {elapsed.TotalHours:0.###} h = {max} m³");
        var delta = c - p;
        if (delta >= 0m)
        {
            return delta <= max
                ? new RegisterStep(RegisterStepKind.Increase, delta, QualityFlag.Good, Text($"+{delta} m³."))
                : new RegisterStep(RegisterStepKind.SuspectJump, delta,
                    QualityFlag.Suspect(Text($"The register rose by {delta} m³ ({p} to {c}), more than the meter can pass: {limit}.")),
                    Text($"+{delta} m³, suspect."));
        }

        if (current.ReverseFlow && -delta <= max)
        {
            return new RegisterStep(RegisterStepKind.ReverseFlow, delta, QualityFlag.Good,
                Text($"Reverse flow flagged by the meter: {delta} m³."));
        }

        if (spec.ModulusM3 is { } modulus && delta + modulus <= max)
        {
            var wrapped = delta + modulus;
            return new RegisterStep(RegisterStepKind.Rollover, wrapped, QualityFlag.Good,
                Text($"Register rolled over at {modulus} m³ ({p} to {c}): +{wrapped} m³."));
        }

        if (-delta <= max)
        {
            return new RegisterStep(RegisterStepKind.ReverseFlow, delta,
                QualityFlag.Suspect(Text($"The register fell by {-delta} m³ ({p} to {c}) without the meter's reverse-flow flag.")),
                Text($"{delta} m³, unflagged reverse flow."));
        }

        return new RegisterStep(RegisterStepKind.Replacement, null,
            QualityFlag.Suspect(Text(
                $"The register fell from {p} to {c} m³, which neither a rollover nor reverse flow within {limit} explains; treated as a meter reset or replacement, the volume between is unknown.")),
            Text($"Register reset ({p} to {c} m³)."));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
