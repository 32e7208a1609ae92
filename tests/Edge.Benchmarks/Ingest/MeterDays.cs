using System.Text;
using Edge.Ingest;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Benchmarks.Ingest;

/// <summary>
/// The benchmark's data: gateway <c>g</c> sends, batch after batch, one day of hourly readings of its 1,000 water
/// meters (litres, NTP time), day <c>k</c> in batch <c>k + 1</c>, days counted from <see cref="FirstDay"/>. Every
/// batch is new data, so nothing is a duplicate. Every meter is registered to its gateway (<see cref="WriteSeed"/>), so
/// its readings are admitted and normalised by its registration, as in production, not quarantined.
/// </summary>
internal static class MeterDays
{
    public const int Meters = 1_000;
    public const int Hours = 24;
    public const int ReadingsPerBatch = Meters * Hours;

    /// <summary>Day 0: far enough back that a long run never reaches the future.</summary>
    public static readonly DateTimeOffset FirstDay = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string GatewayId(int gateway) => $"gw-bench-{gateway}";

    public static string MeterId(int gateway, int meter) => $"g{gateway}-meter-{meter:D4}";

    /// <summary>The registrations of the meters of <paramref name="gateways"/> gateways: Chiyoda, a household DN15 meter.</summary>
    public static IReadOnlyList<DeviceRegistration> Registrations(int gateways) =>
        [.. Enumerable.Range(0, gateways).SelectMany(g => Enumerable.Range(0, Meters).Select(m => Registration(MeterId(g, m), GatewayId(g))))];

    private static DeviceRegistration Registration(string meterId, string gatewayId) => new(
        meterId, gatewayId, DeviceKind.WaterMeter, [new ChannelSpec("volume", Quantity.Volume, "l")],
        new GeoPoint(35.6940, 139.7536), AreaCode.Parse("13101"), new MeterProfile(null, 2.5m, "BENCH-" + meterId));

    /// <summary>Writes the registry seed of <paramref name="gateways"/> gateways' meters to <paramref name="path"/>.</summary>
    public static void WriteSeed(string path, int gateways)
    {
        var json = new StringBuilder();
        json.Append("{\"version\":").Append(RegistrySeedReader.Version).Append(",\"devices\":[");
        json.AppendJoin(',', Registrations(gateways).Select(DeviceDocument.Write));
        json.Append("]}");
        File.WriteAllText(path, json.ToString());
    }

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

            devices[m] = new DeviceRun(MeterId(gateway, m), [new ChannelRun("volume", "l", 0, points)]);
        }

        return new Batch(GatewayId(gateway), sequence, dayStart + (25 * 3_600_000L), devices, [], []);
    }

    /// <summary>The rows the ingest stores for <paramref name="batch"/>, made by the ingest's own normaliser.</summary>
    public static IReadOnlyList<NormalisedReading> Normalise(Batch batch, DateTimeOffset now)
    {
        var result = new BatchNormaliser(ChannelValueNormaliser.Default, Options.Create(new IngestOptions())).Normalise(
            batch, now, batch.Devices.ToDictionary(d => d.DeviceId, d => Registration(d.DeviceId, batch.GatewayId), StringComparer.Ordinal));
        return result.Readings is { } readings && result.Rejected.Count == 0 && readings.All(r => !r.Quarantined)
            ? readings
            : throw new InvalidOperationException("the benchmark batch was not normalised as admitted readings");
    }
}
