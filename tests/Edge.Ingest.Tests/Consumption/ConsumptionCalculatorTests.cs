using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Tests.Consumption;

public sealed class ConsumptionCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RegisterSpec Spec = RegisterSpec.Domestic(5);
    private static readonly TimeSpan Tol = ConsumptionCalculator.DefaultTolerance;

    private static RegisterReading R(int hour, int minute, decimal m3, string? serial = null, bool reverse = false) =>
        new(T0.AddHours(hour).AddMinutes(minute), m3, serial, reverse);

    private static IReadOnlyList<ConsumptionInterval> Hours(IReadOnlyList<RegisterReading> readings, int hours) =>
        ConsumptionCalculator.Compute(readings, Spec, ConsumptionBoundaries.Hourly(T0, T0.AddHours(hours)), Tol);

    [Fact]
    public void Compute_DayWithGapAndLateReading_HandCalculatedVolumes()
    {
        // 03:00 is missing, 05:02 is two minutes late, nothing at 07:00.
        RegisterReading[] readings =
            [R(0, 0, 100.000m), R(1, 0, 100.250m), R(2, 0, 100.250m), R(4, 0, 101.000m), R(5, 2, 101.400m), R(6, 0, 101.500m)];

        var hours = Hours(readings, 7);

        Assert.Equal([0.250m, 0m, null, null, 0.400m, 0.100m, null], hours.Select(h => h.VolumeM3));
        Assert.Equal(
            [ReadingQuality.Good, ReadingQuality.Good, ReadingQuality.Good, ReadingQuality.Good, ReadingQuality.Estimated, ReadingQuality.Estimated, ReadingQuality.Good],
            hours.Select(h => h.Quality.Quality));
        Assert.Equal("No register reading within 5 min of the end.", hours[2].GapReason);
        Assert.Equal("No register reading within 5 min of the start.", hours[3].GapReason);
        Assert.Contains("read at 2026-06-01T05:02:00Z, 120 s after the boundary", hours[4].Quality.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_RolloverInsideTheHour_WrappedSum()
    {
        // 99999.5 → 99999.9 (+0.4) → 0.3 (+0.1 to the top, +0.3 after) = 0.8 m³.
        var hour = Assert.Single(Hours([R(0, 0, 99_999.5m), R(0, 30, 99_999.9m), R(1, 0, 0.3m)], 1));

        Assert.Equal((0.8m, ReadingQuality.Good), (hour.VolumeM3, hour.Quality.Quality));
    }

    [Fact]
    public void Compute_ReplacementInsideTheHour_GapThenNextHourFromNewMeter()
    {
        var hours = Hours([R(0, 0, 500m, "S-1"), R(0, 30, 500.1m, "S-1"), R(1, 0, 0.05m, "S-2"), R(2, 0, 0.15m, "S-2")], 2);

        Assert.Null(hours[0].VolumeM3);
        Assert.Contains("'S-1' then 'S-2'", hours[0].GapReason, StringComparison.Ordinal);
        Assert.Equal(0.1m, hours[1].VolumeM3);
    }

    [Fact]
    public void Compute_FlaggedReverseFlow_NegativeVolume()
    {
        var hour = Assert.Single(Hours([R(0, 0, 10.000m), R(1, 0, 9.990m, reverse: true)], 1));

        Assert.Equal((-0.010m, ReadingQuality.Good), (hour.VolumeM3, hour.Quality.Quality));
    }

    [Fact]
    public void Compute_JumpBeyondQ4_KeptSuspect()
    {
        var hour = Assert.Single(Hours([R(0, 0, 10m), R(1, 0, 20m)], 1));

        Assert.Equal((10m, ReadingQuality.Suspect), (hour.VolumeM3, hour.Quality.Quality));
    }

    [Fact]
    public void Compute_TwoReadingsNearBoundary_NearestWinsEarlierOnTie()
    {
        // 00:57 and 01:03 are both 3 min from 01:00: the earlier one is the register at 01:00.
        var hours = Hours([R(0, 0, 1.000m), R(0, 57, 1.100m), R(1, 3, 1.200m), R(2, 0, 1.300m)], 2);

        Assert.Equal([0.100m, 0.200m], hours.Select(h => h.VolumeM3));
        Assert.Equal(T0.AddMinutes(57), hours[1].StartRegister!.Value.ObservedAt);
    }

    [Fact]
    public void Compute_NoReadings_AllGaps()
    {
        var hours = Hours([], 3);

        Assert.All(hours, h => Assert.Equal("No register reading within 5 min of either boundary.", h.GapReason));
    }

    [Fact]
    public void ComputeInterval_ToleranceHalfTheInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ConsumptionCalculator.ComputeInterval([], Spec, T0, T0.AddHours(1), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void FindBoundaryReading_UnsortedNearBoundary_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            ConsumptionCalculator.FindBoundaryReading([R(1, 2, 1m), R(0, 59, 1m)], T0.AddHours(1), Tol));
    }
}
