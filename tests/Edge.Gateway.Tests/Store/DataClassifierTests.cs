using Edge.Gateway.Hosting;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Store;

public class DataClassifierTests
{
    private const long Received = 1_764_028_800_000;

    [Theory]
    [InlineData(1, "reverse-flow", DataClass.Alarm)]   // FRAME.md bit 0
    [InlineData(2, "tamper", DataClass.Alarm)]         // bit 1
    [InlineData(4, "lost-before", DataClass.Status)]   // bit 2
    [InlineData(8, "reboot", DataClass.Status)]        // bit 3
    [InlineData(16, "low-battery", DataClass.Status)]  // bit 4
    [InlineData(0x800, "meter-fault", DataClass.Alarm)]             // Radio/README.md: ECHONET 0x88 = 0x41
    [InlineData(0x1000, "meter-fault-cleared", DataClass.Status)]   // 0x88 back to 0x42
    [InlineData(0x2000, "abnormal-value", DataClass.Alarm)]         // water meter 0xE3 = 0x41
    [InlineData(0x4000, "abnormal-value-cleared", DataClass.Status)] // 0xE3 back to 0x42
    public void Classify_OneFlag_YieldsItsEvent(int flags, string kind, DataClass dataClass)
    {
        var frame = Classifier().Classify([Reading(18, Received - 60_000, flags)]);

        var ev = Assert.Single(frame.Events);
        Assert.Equal(new EventRecord(Frames.Device, 18, Received - 60_000, kind, "seq 18", Received, dataClass), ev);
        Assert.Equal(DataClass.Reading, Assert.Single(frame.Readings).Class);
    }

    [Fact]
    public void Classify_TamperAndLowBattery_YieldsOneAlarmAndOneStatusEvent()
    {
        var frame = Classifier().Classify([Reading(5, Received, 2 | 16), Reading(6, Received, 0)]);

        Assert.Equal([("tamper", DataClass.Alarm), ("low-battery", DataClass.Status)], frame.Events.Select(e => (e.Kind, e.Class)));
        Assert.All(frame.Events, e => Assert.Equal(5, e.Seq));
    }

    [Fact]
    public void Classify_ObservedLongBeforeReceived_IsBackfillOnlyBeyondBackfillAfter()
    {
        var classifier = Classifier(TimeSpan.FromHours(24));
        var day = TimeSpan.FromHours(24).Ticks / TimeSpan.TicksPerMillisecond;

        var frame = classifier.Classify([Reading(1, Received - day, 0), Reading(2, Received - day - 1, 0)]);

        Assert.Equal([DataClass.Reading, DataClass.Backfill], frame.Readings.Select(r => r.Class));
    }

    private static DataClassifier Classifier(TimeSpan? backfillAfter = null)
    {
        var options = new GatewayOptions();
        options.Store.BackfillAfter = backfillAfter ?? TimeSpan.FromHours(24);
        return new DataClassifier(Microsoft.Extensions.Options.Options.Create(options));
    }

    private static ReadingRecord Reading(long seq, long observed, int flags) =>
        new(Frames.Device, seq, "volume", "l", 1000, 0, observed, ClockQuality.Ntp, flags, Received, DataClass.Reading);
}
