using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Sensors.Seismic;

public sealed class SensorThresholdEvaluatorTests
{
    private static long _seq;

    private static SensorThresholdEvaluator Create() => new(new SensorThresholdOptions
    {
        Rivers = [new RiverLevelThreshold { Device = "river-1", CautionM = 2.50m, EvacuationDecisionM = 3.20m, DangerM = 3.80m }],
    });

    private static ReadingRecord Reading(string device, string channel, long mantissa, int scale) =>
        new(device, ++_seq, channel, "", mantissa, scale, 1_000, ClockQuality.Gateway, 0, 1_000, DataClass.Reading);

    private static string[] Kinds(IReadOnlyList<EventRecord> events) => [.. events.Select(e => e.Kind)];

    [Fact]
    public void River_RisingPastEachLevel_RaisesOneAlarmPerLevel()
    {
        var e = Create();
        Assert.Empty(e.Evaluate(Reading("river-1", "water-level", 2499, 3)));
        var caution = e.Evaluate(Reading("river-1", "water-level", 250, 2)); // exactly 2.50 m
        Assert.Equal(["river-flood-caution"], Kinds(caution));
        Assert.Equal(DataClass.Alarm, caution[0].Class);
        Assert.Contains("氾濫注意水位", caution[0].Detail, StringComparison.Ordinal);
        Assert.Empty(e.Evaluate(Reading("river-1", "water-level", 300, 2)));
        Assert.Equal(["river-evacuation-decision", "river-flood-danger"], Kinds(e.Evaluate(Reading("river-1", "water-level", 39, 1))));
        Assert.Empty(e.Evaluate(Reading("river-1", "water-level", 40, 1)));
    }

    [Fact]
    public void River_Falling_IsOneStatusEventAndRisingAgainAlarmsAgain()
    {
        var e = Create();
        e.Evaluate(Reading("river-1", "water-level", 33, 1));
        var falling = e.Evaluate(Reading("river-1", "water-level", 24, 1));
        Assert.Equal(["river-level-falling"], Kinds(falling));
        Assert.Equal(DataClass.Status, falling[0].Class);
        Assert.Equal(["river-flood-caution"], Kinds(e.Evaluate(Reading("river-1", "water-level", 26, 1))));
    }

    [Fact]
    public void River_UnknownGauge_NoEvents()
    {
        Assert.Empty(Create().Evaluate(Reading("river-9", "water-level", 99, 0)));
    }

    [Fact]
    public void Rain_FiftyMillimetresPerHour_RaisesOnceUntilItFallsBelow()
    {
        var e = Create();
        Assert.Empty(e.Evaluate(Reading("rain-1", "rain-1h", 49500, 3)));
        Assert.Equal(["heavy-rain"], Kinds(e.Evaluate(Reading("rain-1", "rain-1h", 50000, 3))));
        Assert.Empty(e.Evaluate(Reading("rain-1", "rain-1h", 80000, 3)));
        Assert.Empty(e.Evaluate(Reading("rain-1", "rain-1h", 12000, 3)));
        Assert.Equal(["heavy-rain"], Kinds(e.Evaluate(Reading("rain-1", "rain-1h", 51, 0))));
    }

    [Theory]
    [InlineData(34, false)]
    [InlineData(35, true)]
    [InlineData(49, true)]
    public void Intensity_FourAndAbove_IsAnAlarmLabelledReference(int tenths, bool raised)
    {
        var events = Create().Evaluate(Reading("quake-1", "seismic-intensity", tenths, 1));
        Assert.Equal(raised, events.Count == 1);
        if (raised)
        {
            Assert.Equal(DataClass.Alarm, events[0].Class);
            Assert.EndsWith("参考値", events[0].Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Intensity_EveryWindowAboveTheClass_IsItsOwnEvent()
    {
        var e = Create();
        Assert.Single(e.Evaluate(Reading("quake-1", "seismic-intensity", 51, 1)));
        Assert.Single(e.Evaluate(Reading("quake-1", "seismic-intensity", 45, 1)));
        Assert.Contains("計測震度 4.5 (震度5弱) 参考値", e.Evaluate(Reading("quake-1", "seismic-intensity", 45, 1))[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LevelsOutOfOrderOrDuplicate_AreReported()
    {
        var o = new SensorThresholdOptions
        {
            RainMmPerHour = 0,
            Rivers =
            [
                new RiverLevelThreshold { Device = "r", CautionM = 3, EvacuationDecisionM = 2, DangerM = 4 },
                new RiverLevelThreshold { Device = "r", CautionM = 1, EvacuationDecisionM = 2, DangerM = 4 },
                new RiverLevelThreshold { Device = "" },
            ],
        };
        var problems = o.Validate();
        Assert.Equal(4, problems.Count);
        Assert.Empty(new SensorThresholdOptions().Validate());
    }
}
