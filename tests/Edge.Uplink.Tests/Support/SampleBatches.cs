namespace Edge.Uplink.Tests.Support;

/// <summary>Batches that tests build for themselves: ordinary ones and the edge cases of the format.</summary>
internal static class SampleBatches
{
    /// <summary>2026-11-01T00:00:00Z.</summary>
    public const long Nov1 = 1_793_491_200_000;
    public const long Hour = 3_600_000;

    /// <summary>The four-point batch whose bytes BATCH-FORMAT.md's worked example spells out.</summary>
    public static Batch Tiny() => new(
        "gw1", 5, 1000,
        [new DeviceRun("d1", [new ChannelRun("volume", "l", 3,
        [
            new ReadingPoint(17, 3_600_000, 12345, ClockQuality.Gnss, 0),
            new ReadingPoint(18, 7_200_000, 12400, ClockQuality.Gnss, 0),
            new ReadingPoint(19, 10_800_000, 12400, ClockQuality.Ntp, 0),
            new ReadingPoint(21, 18_000_000, 12390, ClockQuality.Ntp, 4),
        ])])],
        [new BatchEvent("d1", 3_600_000, "leak", null)],
        [new GapRecord(["d2"], 0, 3_600_000, 2, "ttl")]);

    /// <summary>Hourly meter readings of <paramref name="meters"/> meters over <paramref name="hours"/> hours.</summary>
    public static Batch Hourly(int meters, int hours, int seed = 1, long sequence = 1)
    {
        var random = new Random(seed);
        var devices = new List<DeviceRun>();
        for (var m = 0; m < meters; m++)
        {
            var register = random.Next(0, 2_000_000);
            var seq = random.Next(0, 100_000);
            var points = new ReadingPoint[hours];
            for (var h = 0; h < hours; h++)
            {
                register += random.Next(0, 4) == 0 ? 0 : random.Next(0, 60);
                points[h] = new ReadingPoint(seq + h, Nov1 + (h * Hour), register, ClockQuality.Ntp, 0);
            }

            devices.Add(new DeviceRun($"pm-{m + 1:D6}", [new ChannelRun("volume", "l", 0, points)]));
        }

        return new Batch("gw-tokyo-0001", sequence, Nov1 + (hours * Hour), devices, [], []);
    }

    /// <summary>Every awkward case at once: extremes, reverse flow, unicode, empty and single-point runs.</summary>
    public static Batch Awkward() => new(
        "ゲートウェイ-東京-01", long.MaxValue, BatchLimits.MaxUnixMs,
        [
            new DeviceRun("メーター-新宿-0001", [
                new ChannelRun("volume", "m3", 18,
                [
                    new ReadingPoint(long.MaxValue, BatchLimits.MaxUnixMs, long.MaxValue, ClockQuality.RtcUnsynced, int.MinValue),
                    new ReadingPoint(long.MinValue, BatchLimits.MinUnixMs, long.MinValue, ClockQuality.Gnss, int.MaxValue),
                    new ReadingPoint(0, 0, -1, ClockQuality.Gateway, -1),
                ]),
                new ChannelRun("flow", "l/h", 2,
                [
                    new ReadingPoint(100, Nov1, 500, ClockQuality.Ntp, 0),
                    new ReadingPoint(99, Nov1 - 1, -250, ClockQuality.Ntp, 0),
                    new ReadingPoint(98, Nov1 + (90L * 24 * Hour), -251, ClockQuality.Ntp, 0),
                ]),
                new ChannelRun("temp", "Cel", 0, []),
            ]),
            new DeviceRun("🚰-1", [new ChannelRun("volume", "", 0, [new ReadingPoint(1, 1, 1, ClockQuality.Gnss, 1)])]),
            new DeviceRun("no-channels", []),
        ],
        [
            new BatchEvent("メーター-新宿-0001", Nov1, "backflow", "reverse flow 2.5 l/h — 逆流"),
            new BatchEvent("🚰-1", BatchLimits.MinUnixMs, "tamper", ""),
        ],
        [
            new GapRecord(["a", "b", "c"], BatchLimits.MinUnixMs, BatchLimits.MaxUnixMs, long.MaxValue, "store full"),
            new GapRecord([], Nov1, Nov1, 0, "ttl"),
        ]);

    /// <summary>A batch with no readings, only a gap record.</summary>
    public static Batch OnlyGaps() => new(
        "gw1", 0, Nov1, [], [], [new GapRecord(["pm-000001", "pm-000002"], Nov1 - (48 * Hour), Nov1, 96, "ttl")]);
}
