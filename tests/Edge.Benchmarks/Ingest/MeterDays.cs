using Edge.Ingest;
using Edge.Ingest.Normalisation;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Benchmarks.Ingest;

/// <summary>
/// The benchmark's data: gateway <c>g</c> sends, batch after batch, one day of hourly readings of its 1,000 water
/// meters (litres, NTP time), day <c>k</c> in batch <c>k + 1</c>, days counted from <see cref="FirstDay"/>. Every
/// batch is new data, so nothing is a duplicate.
/// </summary>
internal static class MeterDays
{
    public const int Meters = 1_000;
    public const int Hours = 24;
    public const int ReadingsPerBatch = Meters * Hours;

    /// <summary>Day 0: far enough back that a long run never reaches the future.</summary>
    public static readonly DateTimeOffset FirstDay = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string GatewayId(int gateway) => $"gw-bench-{gateway}";

    public static Batch Create(int gateway, long sequence)
    {
        var day = sequence - 1;
        var dayStart = FirstDay.AddDays(day).ToUnixTimeMilliseconds();
        var devices = new DeviceRun[Meters];
        for (var m = 0; m < Meters; m++)
        {
            var points = new ReadingPoint[Hours];
            for (var h = 0; h < Hours; h++)
            {
                var index = (day * Hours) + h;
                points[h] = new ReadingPoint(index + 1, dayStart + (h * 3_600_000L), (index * 10) + (m % 7), ClockQuality.Ntp, 0);
            }

            devices[m] = new DeviceRun($"g{gateway}-meter-{m:D4}", [new ChannelRun("volume", "l", 0, points)]);
        }

        return new Batch(GatewayId(gateway), sequence, dayStart + (25 * 3_600_000L), devices, [], []);
    }

    /// <summary>The rows the ingest stores for <paramref name="batch"/>, made by the ingest's own normaliser.</summary>
    public static IReadOnlyList<NormalisedReading> Normalise(Batch batch, DateTimeOffset now) =>
        new BatchNormaliser(UnitCatalog.Default, Options.Create(new IngestOptions())).Normalise(batch, now).Readings
        ?? throw new InvalidOperationException("the benchmark batch was refused by the normaliser");
}
