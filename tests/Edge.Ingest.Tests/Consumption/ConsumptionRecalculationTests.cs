using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Tests.Consumption;

public sealed class ConsumptionRecalculationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tol = ConsumptionCalculator.DefaultTolerance;

    [Theory]
    [InlineData(2, 0, new[] { 1, 2 })]      // on a boundary: the hours on both sides
    [InlineData(2, 4, new[] { 1, 2 })]      // within 5 min after 02:00
    [InlineData(2, 30, new[] { 2 })]        // mid-hour: only its own hour
    [InlineData(2, 56, new[] { 2, 3 })]     // within 5 min before 03:00
    public void AffectedHours_OneLateReading_HoursItCanChange(int hour, int minute, int[] expectedHours)
    {
        var affected = ConsumptionRecalculation.AffectedHours([T0.AddHours(hour).AddMinutes(minute)], Tol);

        Assert.Equal(expectedHours.Select(h => T0.AddHours(h)), affected);
    }

    [Fact]
    public void AffectedIntervals_SameAsAffectedHoursForHourlyBoundaries()
    {
        var boundaries = ConsumptionBoundaries.Hourly(T0, T0.AddHours(6));
        DateTimeOffset[] late = [T0.AddHours(2), T0.AddHours(4).AddMinutes(30)];

        var indices = ConsumptionRecalculation.AffectedIntervals(boundaries, late, Tol);

        Assert.Equal([1, 2, 4], indices);
        Assert.Equal(ConsumptionRecalculation.AffectedHours(late, Tol), indices.Select(i => boundaries[i]));
    }

    [Fact]
    public void LateReading_ThreeWeeksLate_FillsOnlyTheAffectedGaps()
    {
        var spec = RegisterSpec.Domestic(5);
        var boundaries = ConsumptionBoundaries.Hourly(T0, T0.AddHours(4));
        var readings = new List<RegisterReading> { new(T0, 10.0m), new(T0.AddHours(1), 10.2m), new(T0.AddHours(3), 10.9m), new(T0.AddHours(4), 11.0m) };
        var stored = ConsumptionCalculator.Compute(readings, spec, boundaries, Tol).ToArray();
        Assert.Equal([0.2m, null, null, 0.1m], stored.Select(i => i.VolumeM3));

        // The 02:00 reading arrives weeks later (backfill has no age limit); only hours 01 and 02 are recomputed.
        var late = new RegisterReading(T0.AddHours(2), 10.5m);
        readings.Insert(2, late);
        foreach (var i in ConsumptionRecalculation.AffectedIntervals(boundaries, [late.ObservedAt], Tol))
        {
            stored[i] = ConsumptionCalculator.ComputeInterval(readings, spec, boundaries[i], boundaries[i + 1], Tol);
        }

        Assert.Equal([0.2m, 0.3m, 0.4m, 0.1m], stored.Select(i => i.VolumeM3));
        Assert.Equal(ConsumptionCalculator.Compute(readings, spec, boundaries, Tol), stored);
    }
}
