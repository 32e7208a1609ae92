using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Tests.Consumption;

public sealed class LocalPeriodConsumptionTests
{
    private static readonly RegisterSpec Spec = RegisterSpec.Domestic(5);

    private static RegisterReading R(string utc, decimal m3) =>
        new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), m3);

    [Fact]
    public void Daily_TokyoDays_BoundariesAtLocalMidnight()
    {
        var boundaries = ConsumptionBoundaries.Daily(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3), TokyoTime.Zone);

        // 00:00 JST = 15:00 UTC the day before (UTC+9, no daylight saving).
        Assert.Equal(
            [DateTimeOffset.Parse("2026-05-31T15:00:00Z"), DateTimeOffset.Parse("2026-06-01T15:00:00Z"), DateTimeOffset.Parse("2026-06-02T15:00:00Z")],
            boundaries);
    }

    [Fact]
    public void Compute_TwoTokyoDays_RegisterDifferencesAtLocalMidnight()
    {
        RegisterReading[] readings =
        [
            R("2026-05-31T15:00:00Z", 200.000m),   // 1 June 00:00 JST
            R("2026-06-01T03:00:00Z", 200.100m),   // 1 June 12:00 JST
            R("2026-06-01T15:00:00Z", 200.480m),   // 2 June 00:00 JST
            R("2026-06-02T15:00:00Z", 200.900m),   // 3 June 00:00 JST
        ];

        var days = ConsumptionCalculator.Compute(readings, Spec,
            ConsumptionBoundaries.Daily(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3), TokyoTime.Zone), ConsumptionCalculator.DefaultTolerance);

        Assert.Equal([0.480m, 0.420m], days.Select(d => d.VolumeM3));
    }

    [Fact]
    public void Compute_ReadingsOnlyAtUtcMidnight_DayIsAGapInTokyo()
    {
        // UTC midnight is 09:00 JST: no register at local midnight, so the local day has no volume.
        var day = Assert.Single(ConsumptionCalculator.Compute(
            [R("2026-06-01T00:00:00Z", 1m), R("2026-06-02T00:00:00Z", 2m)], Spec,
            ConsumptionBoundaries.Daily(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2), TokyoTime.Zone), ConsumptionCalculator.DefaultTolerance));

        Assert.True(day.IsGap);
    }

    [Fact]
    public void Compute_JuneInTokyo_MonthFromLocalFirsts()
    {
        RegisterReading[] readings = [R("2026-05-31T15:00:00Z", 1000m), R("2026-06-15T00:00:00Z", 1006m), R("2026-06-30T15:00:00Z", 1012.5m)];

        var month = Assert.Single(ConsumptionCalculator.Compute(readings, Spec,
            ConsumptionBoundaries.Monthly(new DateOnly(2026, 6, 1), 1, TokyoTime.Zone), ConsumptionCalculator.DefaultTolerance));

        Assert.Equal((DateTimeOffset.Parse("2026-05-31T15:00:00Z"), DateTimeOffset.Parse("2026-06-30T15:00:00Z")), (month.Start, month.End));
        Assert.Equal(12.5m, month.VolumeM3);
    }

    [Fact]
    public void Hourly_NotWholeHour_Throws()
    {
        var t = DateTimeOffset.Parse("2026-06-01T00:30:00Z");

        Assert.Throws<ArgumentException>(() => ConsumptionBoundaries.Hourly(t, t.AddHours(2)));
    }

    [Fact]
    public void LocalMidnight_ZoneSkippingMidnight_FirstValidLocalTime()
    {
        // A zone whose clocks jump from 00:00 to 01:00 on 1 April (as some zones have done): local midnight does not
        // exist that day, so the day starts at 01:00 local.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 4, 1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 0, 0, 0), 10, 1));
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Skip", TimeSpan.Zero, "Skip", "Skip", "SkipDst", [rule]);

        Assert.Equal(DateTimeOffset.Parse("2026-04-01T00:00:00Z"), ConsumptionBoundaries.LocalMidnight(new DateOnly(2026, 4, 1), zone));
    }
}
