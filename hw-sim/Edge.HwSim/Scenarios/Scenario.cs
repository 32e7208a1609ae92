using Edge.Uplink;

namespace Edge.HwSim.Scenarios;

/// <summary>
/// A fleet of scenario meters on one simulated clock, read on the hour. <see cref="NextBatch"/> advances the clock and
/// packs every meter's hourly register readings into one uplink batch, as the gateway would send them, for posting to
/// the ingest (<see cref="Demo.IngestBatchPost"/>). Deterministic: the same scenario gives byte-identical batches.
/// </summary>
public sealed class Scenario
{
    private readonly List<ScenarioMeter> _meters;
    private long _batchSequence;
    private bool _started;

    /// <summary>Creates a scenario whose clock starts at <paramref name="startUtc"/> (a whole hour).</summary>
    public Scenario(string gatewayId, DateTimeOffset startUtc, IReadOnlyList<ScenarioArea> areas, IEnumerable<ScenarioMeter> meters)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        if (startUtc.ToUnixTimeMilliseconds() % 3_600_000 != 0)
        {
            throw new ArgumentException("A scenario starts on a whole hour.", nameof(startUtc));
        }

        GatewayId = gatewayId;
        Now = startUtc.ToUniversalTime();
        Areas = areas;
        _meters = [.. meters];
    }

    /// <summary>Gateway id the batches carry.</summary>
    public string GatewayId { get; }

    /// <summary>Simulated now: the end of the last hour read.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>The status areas.</summary>
    public IReadOnlyList<ScenarioArea> Areas { get; }

    /// <summary>The meters.</summary>
    public IReadOnlyList<ScenarioMeter> Meters => _meters;

    /// <summary>Readings taken so far.</summary>
    public long ReadingsTaken { get; private set; }

    /// <summary>
    /// Advances <paramref name="hours"/> hours and returns one batch with every meter's readings on each hour (the
    /// first batch also holds the reading at the start, so that the first hour has a volume).
    /// </summary>
    public Batch NextBatch(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hours);
        var points = new List<ReadingPoint>[_meters.Count];
        for (var m = 0; m < _meters.Count; m++)
        {
            points[m] = new List<ReadingPoint>(hours + 1);
            if (!_started)
            {
                points[m].Add(Read(_meters[m], Now));
            }
        }

        _started = true;
        for (var h = 0; h < hours; h++)
        {
            var hourStart = Now;
            Now = Now.AddHours(1);
            for (var m = 0; m < _meters.Count; m++)
            {
                _meters[m].Register.Add(_meters[m].Premises.FlowInHour(hourStart));
                points[m].Add(Read(_meters[m], Now));
            }
        }

        var devices = new DeviceRun[_meters.Count];
        for (var m = 0; m < _meters.Count; m++)
        {
            devices[m] = new DeviceRun(_meters[m].DeviceId, [new ChannelRun("volume", "l", 0, points[m])]);
        }

        return new Batch(GatewayId, ++_batchSequence, Now.ToUnixTimeMilliseconds(), devices, [], []);
    }

    private ReadingPoint Read(ScenarioMeter meter, DateTimeOffset at)
    {
        var (litres, reverse) = meter.Register.Read();
        ReadingsTaken++;

        // FRAME.md flags bit 0: reverse flow was counted since the previous reading.
        return new ReadingPoint(meter.NextSeq++, at.ToUnixTimeMilliseconds(), litres, ClockQuality.Ntp, reverse ? 1 : 0);
    }
}
