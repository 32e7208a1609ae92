using Edge.Gateway.Radio;
using Edge.Gateway.Sensors;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Gateway.Tests.Sensors;

/// <summary>
/// Thresholds on the sensor input's store path: events are written with the reading that raised them, in the real
/// SQLite store; a bad threshold configuration stops the real gateway process with exit code 2.
/// </summary>
public sealed class SensorThresholdStoreTests : IDisposable
{
    private const string Gauge = "river-1";

    // The configured levels; the expectations below are derived from these, not from the evaluator.
    private const decimal CautionM = 2.50m;
    private const decimal EvacuationM = 3.20m;
    private const decimal DangerM = 3.80m;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task StoreAsync_LevelCrossingCaution_OneAlarmWithTheCrossingReadingAndOneStatusWhenItFalls()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        var sink = Sink(store, new SensorThresholdOptions
        {
            Rivers = [new RiverLevelThreshold { Device = Gauge, CautionM = CautionM, EvacuationDecisionM = EvacuationM, DangerM = DangerM }],
        });

        // Levels in cm: below, below, crossing 氾濫注意 upwards, above (twice, still under 避難判断), back under, under.
        long[] levelsCm = [231, 249, 262, 270, 301, 244, 238];
        var db = store.Database.FilePath;
        var seqs = new List<long>();
        for (var i = 0; i < levelsCm.Length; i++)
        {
            var observed = 1_764_028_800_000 + (i * 600_000L);
            Assert.True(await sink.StoreAsync(Gauge, [new SensorValue("water-level", "m", levelsCm[i], 2)], observed, CancellationToken.None));
            seqs.Add(StoreFile.Rows(db).Single(r => r.ObservedMs == observed).Seq);

            // Acknowledged means the reading and its events are committed together: when StoreAsync returned, the
            // events of this reading are already in the store (checked after each reading, not only at the end).
            var expectedSoFar = Expected(levelsCm.AsSpan(0, i + 1));
            Assert.Equal(expectedSoFar.Count, StoreFile.Scalar(db, "SELECT COUNT(*) FROM events"));
        }

        await store.Writer.StopAsync(CancellationToken.None);

        var expected = Expected(levelsCm);
        Assert.Equal(2, expected.Count); // the sequence is built to cross once up and once down
        var events = Events(db);
        Assert.Equal(expected.Count, events.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            var (index, dataClass) = expected[k];
            Assert.Equal((Gauge, seqs[index], (int)dataClass), (events[k].Device, events[k].Seq, events[k].Class));
        }

        Assert.Equal("river-flood-caution", events[0].Kind);
        Assert.Equal("river-level-falling", events[1].Kind);
        Assert.Equal(levelsCm.Length, StoreFile.Rows(db).Count);
    }

    [Fact]
    public async Task StoreAsync_ChannelWithoutThreshold_StoresNoEvent()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        var sink = Sink(store, new SensorThresholdOptions
        {
            Rivers = [new RiverLevelThreshold { Device = Gauge, CautionM = CautionM, EvacuationDecisionM = EvacuationM, DangerM = DangerM }],
        });

        // 5 °C "above" every river level, and a water level of a device that has no configured gauge.
        Assert.True(await sink.StoreAsync(Gauge, [SensorValue.Temperature(5.0)], 1_764_028_800_000, CancellationToken.None));
        Assert.True(await sink.StoreAsync("other", [new SensorValue("water-level", "m", 900, 2)], 1_764_028_800_000, CancellationToken.None));
        await store.Writer.StopAsync(CancellationToken.None);

        Assert.Equal(2, StoreFile.Rows(store.Database.FilePath).Count);
        Assert.Equal(0, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task Start_ThresholdLevelsOutOfOrder_ExitsWithCode2AndTheReason()
    {
        var settings = GatewayConfig.Defaults(Path.Combine(_dir.Path, "data"));
        settings["Edge:Gateway:Thresholds:Rivers:0:Device"] = Gauge;
        settings["Edge:Gateway:Thresholds:Rivers:0:CautionM"] = "3.5";
        settings["Edge:Gateway:Thresholds:Rivers:0:EvacuationDecisionM"] = "3.2";
        settings["Edge:Gateway:Thresholds:Rivers:0:DangerM"] = "3.8";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(GatewayConfig.Args(settings)));

        Assert.Contains("the gateway exited with 2 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("edge-gateway: configuration error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Edge:Gateway:Thresholds:Rivers: river-1: levels must rise", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Independent of the evaluator: the (reading index, class) of each event a level sequence must give with the
    /// configured caution level and no higher level reached — an alarm where it first reaches the level, a status
    /// where it first drops back under it.
    /// </summary>
    private static List<(int Index, DataClass Class)> Expected(ReadOnlySpan<long> levelsCm)
    {
        var result = new List<(int, DataClass)>();
        var above = false;
        for (var i = 0; i < levelsCm.Length; i++)
        {
            var level = levelsCm[i] / 100m;
            Assert.True(level < EvacuationM, "the sequence stays under 避難判断水位");
            if (!above && level >= CautionM)
            {
                result.Add((i, DataClass.Alarm));
            }
            else if (above && level < CautionM)
            {
                result.Add((i, DataClass.Status));
            }

            above = level >= CautionM;
        }

        return result;
    }

    private static List<(string Device, long Seq, string Kind, int Class)> Events(string db)
    {
        var devices = StoreFile.Texts(db, "SELECT device FROM events ORDER BY seq, kind");
        var seqs = StoreFile.Scalars(db, "SELECT seq FROM events ORDER BY seq, kind");
        var kinds = StoreFile.Texts(db, "SELECT kind FROM events ORDER BY seq, kind");
        var classes = StoreFile.Scalars(db, "SELECT class FROM events ORDER BY seq, kind");
        return [.. devices.Select((d, i) => (d, seqs[i], kinds[i], (int)classes[i]))];
    }

    private static SensorReadingSink Sink(TestStore store, SensorThresholdOptions thresholds) =>
        new(new MeterSequences(store.Database), new DataClassifier(store.Options), store.Writer,
            new SensorThresholdEvaluator(thresholds), NullLogger<SensorReadingSink>.Instance);
}
