using System.Globalization;
using System.Text;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// The fleet of the water balance tests: DMA <see cref="Dma"/> with a district flow meter as its inflow meter (the
/// gateway's modbus-rtu map: <c>flow</c>, <c>volume</c> and <c>volume-reverse</c> totalisers in m³, polled 30 s after
/// the hour) and four customer meters; <see cref="Plain"/> without an inflow meter; <see cref="Orphan"/> whose inflow
/// meter is not registered. Volumes per hour are set out here so that the tests can add them up by hand.
/// </summary>
internal static class AreaBalanceFleet
{
    public const string Dma = "dma-1";
    public const string Plain = "plain-1";
    public const string Orphan = "dma-2";
    public const string Inflow = "fm-dma-1";

    /// <summary>The balance period: Tokyo 2 June 00:00 to 5 June 00:00 (72 h, three nights).</summary>
    public static readonly DateTimeOffset From = new(2025, 6, 1, 15, 0, 0, TimeSpan.Zero);

    /// <summary>End of the period.</summary>
    public static readonly DateTimeOffset To = From.AddHours(72);

    /// <summary>Six days before the period: the inflow history the first night's window needs.</summary>
    public static readonly DateTimeOffset InflowFrom = From.AddDays(-6);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    public static string Customer(int m) => string.Create(CultureInfo.InvariantCulture, $"wm-d-{m}");

    /// <summary>Seed and catalogue written to <paramref name="dir"/>.</summary>
    public static Dictionary<string, string?> Settings(TempDirectory dir)
    {
        var seed = Path.Combine(dir.Path, "seed.json");
        var catalogue = Path.Combine(dir.Path, "areas.json");
        File.WriteAllText(seed, Seed());
        File.WriteAllText(catalogue, Catalogue);
        return new Dictionary<string, string?> { ["Registry:SeedFile"] = seed, ["Analytics:AreaService:CatalogPath"] = catalogue };
    }

    /// <summary>Litres the inflow meter's forward totaliser counts in the hour starting at <paramref name="hour"/> (UTC).</summary>
    public static long InflowLitres(DateTimeOffset hour)
    {
        var local = hour.ToOffset(TimeSpan.FromHours(9));
        if (local.Hour < 6)
        {
            // Each night's leak: the six nights before the period, then the period's (3 l, one hour of 1 l on 3 June).
            var nights = new Dictionary<int, long> { [27] = 8, [28] = 6, [29] = 7, [30] = 5, [31] = 9, [1] = 4, [2] = 3, [3] = 3, [4] = 3 };
            return local.Month == 6 && local.Day == 3 && local.Hour == 3 ? 1 : nights[local.Day];
        }

        // By day 4 customers × 10 l + a 3 l leak; 2 l more on 3 June at 12:00; 5 l out and back in on 4 June at 13:00.
        return 43 + (local.Day == 3 && local.Hour == 12 ? 2 : 0) + ReverseLitres(hour);
    }

    /// <summary>Litres the reverse totaliser counts in the hour starting at <paramref name="hour"/>.</summary>
    public static long ReverseLitres(DateTimeOffset hour)
    {
        var local = hour.ToOffset(TimeSpan.FromHours(9));
        return local.Day == 4 && local.Hour == 13 ? 5 : 0;
    }

    /// <summary>Litres a customer uses in the hour starting at <paramref name="hour"/>: 10 l from 06:00 to 24:00 Tokyo time.</summary>
    public static long CustomerLitres(DateTimeOffset hour) => hour.ToOffset(TimeSpan.FromHours(9)).Hour >= 6 ? 10 : 0;

    /// <summary>
    /// The inflow meter's totalisers polled 30 s after every hour from <see cref="InflowFrom"/> to <see cref="To"/>, in m³
    /// with 3 decimals as the gateway sends them; <paramref name="skip"/> leaves a poll out.
    /// </summary>
    public static Batch InflowBatch(long sequence, Func<DateTimeOffset, bool>? skip = null)
    {
        var forward = new List<ReadingPoint>();
        var reverse = new List<ReadingPoint>();
        var (f, r) = (500_000L, 0L);
        for (var t = InflowFrom; t <= To; t = t.AddHours(1))
        {
            if (skip?.Invoke(t) != true)
            {
                var at = (t + Poll).ToUnixTimeMilliseconds();
                forward.Add(new ReadingPoint(t.ToUnixTimeSeconds() * 2, at, f, ClockQuality.Ntp, 0));
                reverse.Add(new ReadingPoint((t.ToUnixTimeSeconds() * 2) + 1, at, r, ClockQuality.Ntp, 0));
            }

            if (t < To)
            {
                (f, r) = (f + InflowLitres(t), r + ReverseLitres(t));
            }
        }

        return TestBatches.Create(IngestAppFactory.Gateway1, sequence,
            new DeviceRun(Inflow, [new ChannelRun("volume", "m3", 3, [.. forward]), new ChannelRun("volume-reverse", "m3", 3, [.. reverse])]));
    }

    /// <summary>The four customers' registers (litres) on every hour of the period; <paramref name="sends"/> may leave readings out.</summary>
    public static Batch CustomerBatch(long sequence, Func<string, DateTimeOffset, bool>? sends = null)
    {
        var runs = new List<DeviceRun>();
        for (var m = 1; m <= 4; m++)
        {
            var id = Customer(m);
            var points = new List<(long, DateTimeOffset, long)>();
            var register = 1000L;
            for (var t = From; t <= To; t = t.AddHours(1))
            {
                if (sends?.Invoke(id, t) ?? true)
                {
                    points.Add((t.ToUnixTimeSeconds(), t, register));
                }

                register += CustomerLitres(t);
            }

            runs.Add(TestBatches.Meter(id, "l", 0, [.. points]));
        }

        return TestBatches.Create(IngestAppFactory.Gateway1, sequence, [.. runs]);
    }

    private static string Seed()
    {
        var devices = new List<string>
        {
            // Channels in the modbus-rtu input's order of the README example, the reverse totaliser listed before the
            // forward one: the balance must still take 'volume' as the forward totaliser.
            $$"""
            { "deviceId": "{{Inflow}}", "gatewayId": "gw-1", "kind": "water-meter", "location": { "lat": 35.6930, "lon": 139.7000 },
              "areaCode": "13104", "statusArea": "{{Dma}}",
              "channels": [ { "name": "flow", "quantity": "volume-flow", "unit": "m3/h" },
                            { "name": "volume-reverse", "quantity": "volume", "unit": "m3" },
                            { "name": "volume", "quantity": "volume", "unit": "m3" } ],
              "meter": { "q3": 100 } }
            """,
        };
        for (var m = 1; m <= 4; m++)
        {
            devices.Add(Meter(Customer(m), Dma, m == 1 ? """, "welfare": { "enrolled": true, "householdId": "hh-d-1", "noUseAlertAfter": "PT12H" }""" : ""));
        }

        devices.Add(Meter("wm-p-1", Plain, ""));
        return new StringBuilder("""{ "version": 1, "devices": [""").AppendJoin(",\n", devices).Append("] }").ToString();
    }

    private static string Meter(string id, string area, string welfare) => $$"""
        { "deviceId": "{{id}}", "gatewayId": "gw-1", "kind": "water-meter", "location": { "lat": 35.6940, "lon": 139.7010 },
          "areaCode": "13104", "statusArea": "{{area}}", "channels": [ { "name": "volume", "quantity": "volume", "unit": "l" } ],
          "meter": { "registerDigits": 5, "q3": 2.5 }{{welfare}} }
        """;

    private const string Catalogue = """
        { "type": "FeatureCollection",
          "features": [
            { "type": "Feature", "id": "dma-1", "geometry": { "type": "Point", "coordinates": [139.700, 35.693] },
              "properties": { "name": "Nishi DMA 1", "inflowMeterId": "fm-dma-1" } },
            { "type": "Feature", "id": "plain-1", "geometry": { "type": "Point", "coordinates": [139.710, 35.693] },
              "properties": { "name": "Plain 1-chome" } },
            { "type": "Feature", "id": "dma-2", "geometry": { "type": "Point", "coordinates": [139.720, 35.693] },
              "properties": { "name": "Nishi DMA 2", "inflowMeterId": "fm-not-registered" } } ] }
        """;
}
