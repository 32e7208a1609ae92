using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Tests.Normalisation.Registers;

public sealed class RegisterClassifierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // 5 integer digits of m³, domestic Q3 = 2.5 → Q4 = 3.125 m³/h (ISO 4064-1 §4.1.3: Q4/Q3 = 1.25).
    private static readonly RegisterSpec FiveDigits = RegisterSpec.Domestic(5);

    private static RegisterReading At(double hours, decimal m3, string? serial = null, bool reverse = false) =>
        new(T0.AddHours(hours), m3, serial, reverse);

    [Fact]
    public void Domestic_Q3Of2Point5_Q4Is3Point125AndModulus100000()
    {
        Assert.Equal(3.125m, FiveDigits.MaxFlowM3PerHour);
        Assert.Equal(100_000m, FiveDigits.ModulusM3);
        Assert.Equal(5m, RegisterSpec.FromQ3(null, 4m).MaxFlowM3PerHour);
        Assert.Null(RegisterSpec.FromQ3(null, 4m).ModulusM3);
    }

    [Fact]
    public void Classify_NormalIncrease_GoodWithDifference()
    {
        var step = RegisterClassifier.Classify(At(0, 1234.500m), At(1, 1235.250m), FiveDigits);

        Assert.Equal((RegisterStepKind.Increase, 0.750m, ReadingQuality.Good), (step.Kind, step.VolumeM3, step.Quality.Quality));
    }

    [Fact]
    public void Classify_NoChange_IncreaseOfZero()
    {
        var step = RegisterClassifier.Classify(At(0, 10m), At(5, 10m), FiveDigits);

        Assert.Equal((RegisterStepKind.Increase, 0m), (step.Kind, step.VolumeM3));
    }

    [Fact]
    public void Classify_FiveDigitRolloverIn2Hours_PlusFive()
    {
        // 99998 → 00003: 2 m³ to the top, then 3 more = +5 m³; the meter can pass 3.125 × 2 = 6.25 m³ in 2 h.
        var step = RegisterClassifier.Classify(At(0, 99_998m), At(2, 3m), FiveDigits);

        Assert.Equal((RegisterStepKind.Rollover, 5m, ReadingQuality.Good), (step.Kind, step.VolumeM3, step.Quality.Quality));
    }

    [Fact]
    public void Classify_RolloverTooLargeForElapsedTime_ReplacementSuspect()
    {
        // +5 m³ in 1 h exceeds 3.125 m³ + 0.001: no rollover explains it, and the drop is far too big for reverse flow.
        var step = RegisterClassifier.Classify(At(0, 99_998m), At(1, 3m), FiveDigits);

        Assert.Equal((RegisterStepKind.Replacement, null, ReadingQuality.Suspect), (step.Kind, step.VolumeM3, step.Quality.Quality));
        Assert.Contains("treated as a meter reset", step.Quality.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_InfiniteRegisterFallsFromTop_ReplacementNotRollover()
    {
        var step = RegisterClassifier.Classify(At(0, 99_998m), At(2, 3m), RegisterSpec.Domestic(null));

        Assert.Equal(RegisterStepKind.Replacement, step.Kind);
    }

    [Fact]
    public void Classify_SmallDecreaseWithReverseFlag_SignedVolumeGood()
    {
        var step = RegisterClassifier.Classify(At(0, 500.000m), At(1, 499.980m, reverse: true), FiveDigits);

        Assert.Equal((RegisterStepKind.ReverseFlow, -0.020m, ReadingQuality.Good), (step.Kind, step.VolumeM3, step.Quality.Quality));
    }

    [Fact]
    public void Classify_SmallDecreaseWithoutReverseFlag_SignedVolumeSuspect()
    {
        var step = RegisterClassifier.Classify(At(0, 500.000m), At(1, 499.980m), FiveDigits);

        Assert.Equal((RegisterStepKind.ReverseFlow, -0.020m, ReadingQuality.Suspect), (step.Kind, step.VolumeM3, step.Quality.Quality));
        Assert.Contains("without the meter's reverse-flow flag", step.Quality.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_RegisterFarBelowLast_ResetWithUnknownVolumeSuspect()
    {
        var step = RegisterClassifier.Classify(At(0, 4567.8m), At(1, 0.012m), FiveDigits);

        Assert.Equal((RegisterStepKind.Replacement, null, ReadingQuality.Suspect), (step.Kind, step.VolumeM3, step.Quality.Quality));
    }

    [Fact]
    public void Classify_NewMeterSerial_ReplacementGoodUnknownVolume()
    {
        var step = RegisterClassifier.Classify(At(0, 4567.8m, "A1"), At(1, 0.012m, "B2"), FiveDigits);

        Assert.Equal((RegisterStepKind.Replacement, null, ReadingQuality.Good), (step.Kind, step.VolumeM3, step.Quality.Quality));
        Assert.Contains("'A1' then 'B2'", step.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_JumpAboveQ4TimesElapsed_KeptAndSuspectWithTheLimit()
    {
        var step = RegisterClassifier.Classify(At(0, 100m), At(1, 110m), FiveDigits);

        Assert.Equal((RegisterStepKind.SuspectJump, 10m, ReadingQuality.Suspect), (step.Kind, step.VolumeM3, step.Quality.Quality));
        Assert.Contains("3.125 m³/h (Q4) × 1 h = 3.126 m³", step.Quality.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("103.126", RegisterStepKind.Increase)]     // exactly Q4 × 1 h + one 1-litre step
    [InlineData("103.127", RegisterStepKind.SuspectJump)]
    public void Classify_AtTheQ4Limit_InclusiveBound(string end, RegisterStepKind expected)
    {
        var step = RegisterClassifier.Classify(
            At(0, 100m), At(1, decimal.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), FiveDigits);

        Assert.Equal(expected, step.Kind);
    }

    [Theory]
    [InlineData("100000")]
    [InlineData("-0.001")]
    public void Classify_ValueOutsideRegister_OutOfRangeSuspect(string value)
    {
        var step = RegisterClassifier.Classify(
            At(0, 5m), At(1, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), FiveDigits);

        Assert.Equal((RegisterStepKind.OutOfRange, null, ReadingQuality.Suspect), (step.Kind, step.VolumeM3, step.Quality.Quality));
    }

    [Fact]
    public void Classify_CurrentBeforePrevious_Throws()
    {
        Assert.Throws<ArgumentException>(() => RegisterClassifier.Classify(At(2, 1m), At(1, 2m), FiveDigits));
    }
}
