using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class MeterAlarmRecomputeTests
{
    [Fact]
    public void Run_RegisterReadingsOfLeakingMeter_LeakFromIntervalsAndNoCommunicationCleared()
    {
        // Register readings every whole hour from day 1 08:00 local, 3 l more each hour (a running cistern), 25 readings
        // make 24 hourly intervals of 0.003 m³; the first reading carries the tamper flag.
        var from = Series.Local(1, 8);
        var readings = Enumerable.Range(0, 25).Select(i => new RegisterReading(from.AddHours(i), 100m + (0.003m * i))).ToList();
        var spec = RegisterSpec.Domestic(5);
        var intervals = ConsumptionCalculator.Compute(readings, spec, ConsumptionBoundaries.Hourly(from, from.AddHours(24)), ConsumptionCalculator.DefaultTolerance);
        var hours = MeterHours.From(intervals, readings.Select((r, i) => (r.ObservedAt, i == 0 ? MeterFlagBits.Tamper : 0)));
        var series = MeterSeries.Create("wm-1", "13101", spec.ResolutionM3, 2.5m, from, from.AddHours(24), hours);
        var book = new AlarmBook();

        var changes = MeterAlarmRecompute.Run(book, series, [from.AddHours(24)], null, occupied: false, from.AddHours(25), new AnalyticsOptions());

        // Leak 3 l/h over the 24 h; tamper at the first hour; no silence (contact 1 h before).
        Assert.Equal([AlarmKind.ContinuousLeak, AlarmKind.Tamper], changes.Where(c => c.Kind == AlarmChangeKind.Raised).Select(c => c.Key.Kind).Order());
        Assert.Equal(0.003m, book.Alarms.Single(a => a.Key.Kind == AlarmKind.ContinuousLeak).ValueM3);
        Assert.Equal(ReadingQuality.Good, series[0].Quality);

        // The same data recomputed again (a duplicate batch) changes nothing.
        Assert.Empty(MeterAlarmRecompute.Run(book, series, [from.AddHours(24)], null, false, from.AddHours(25), new AnalyticsOptions()));
    }
}
