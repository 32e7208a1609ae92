using System.Diagnostics;
using Edge.Benchmarks.UplinkSize;
using Edge.Gateway.Links.Iridium;
using Edge.Uplink;

namespace Edge.Benchmarks.SatelliteBytes;

/// <summary>
/// <c>satellite-bytes</c>: Iridium SBD bytes per meter per day for 1,000 meters with hourly readings, under three
/// satellite policies, each day's batches encoded by the real batch encoder (<see cref="BatchCodec"/>, zstd as the
/// gateway sends) and sent through the gateway's real Iridium link to a virtual 9603 on a pty, so the serial-wire
/// bytes are the real fragmenter's and AT framing's (echo off, one +CSQ per session, +SBDWB, +SBDIX, +SBDD0,
/// SBDRING, +SBDIXA, +SBDRB of the 10-byte acknowledgement).
/// </summary>
internal static class SatelliteBytesHarness
{
    private const int Meters = 1000;
    private const string GatewayId = "gw-tokyo-0001";

    // Assumed event rates (stated in the output): alarms (leak, tamper, reverse flow) 5 per 1,000 meters per day;
    // status events (reboot, low battery, lost readings) 1 per 10 meters per day.
    private const int AlarmsPerDay = 5;
    private const int StatusPerDay = Meters / 10;

    // The gateway's defaults: a reading batch is cut 10 s after its oldest reading, a batch for Iridium holds at
    // most one MO message of payload (340 − 6 bytes).
    private const int ReadingDelaySeconds = 10;
    private static readonly int MessagePayload = IridiumModem.MaxMoBytes - SbdFragment.HeaderBytes;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var fleet = FleetReadings.Generate(Meters, 24, Start);
        var random = new Random(6);
        var alarms = Enumerable.Range(0, AlarmsPerDay).Select(_ => Event(random, "tamper")).OrderBy(e => e.ObservedUnixMs).ToList();
        var status = Enumerable.Range(0, StatusPerDay).Select(_ => Event(random, "low-battery")).OrderBy(e => e.ObservedUnixMs).ToList();

        // Alarms only: each alarm is cut at once (Batch:AlarmMaxDelay 0), so each is its own batch.
        var alarmsOnly = alarms.Select(a => new Item(a.ObservedUnixMs, null, a)).Select(i => (IReadOnlyList<Item>)[i]).ToList();

        // Hourly summaries: once an hour, every meter's reading of that hour (and the hour's alarms, cut at once).
        var hourly = new List<IReadOnlyList<Item>>(alarmsOnly);
        for (var h = 0; h < 24; h++)
        {
            var at = Start.AddHours(h + 1).ToUnixTimeMilliseconds();
            hourly.AddRange(Pack([.. fleet.Select(m => new Item(at, Reading(m, h), null))]));
        }

        // Everything: every reading as it arrives (meter i reports at i × 3.6 s past each hour), status events and
        // alarms, cut as the gateway does by default: whatever waits when the oldest has waited 10 s.
        var arrivals = new List<Item>();
        for (var h = 0; h < 24; h++)
        {
            for (var i = 0; i < Meters; i++)
            {
                arrivals.Add(new Item(Start.AddHours(h).AddMilliseconds(i * 3600.0).ToUnixTimeMilliseconds(), Reading(fleet[i], h), null));
            }
        }

        arrivals.AddRange(status.Select(s => new Item(s.ObservedUnixMs, null, s)));
        var everything = new List<IReadOnlyList<Item>>(alarmsOnly);
        var waiting = new List<Item>();
        foreach (var item in arrivals.OrderBy(a => a.ArrivedUnixMs))
        {
            if (waiting.Count > 0 && item.ArrivedUnixMs - waiting[0].ArrivedUnixMs >= ReadingDelaySeconds * 1000)
            {
                everything.AddRange(Pack(waiting));
                waiting = [];
            }

            waiting.Add(item);
        }

        everything.AddRange(Pack(waiting));

        using var wire = new SbdWire();
        Line(output, $"satellite-bytes: {Meters} meters, one day of hourly readings (Edge.HwSim HouseholdConsumptionModel seeds 1..{Meters}, {Start:yyyy-MM-dd}); assumed per day: {AlarmsPerDay} alarms, {StatusPerDay} status events");
        Line(output, $"batches for Iridium hold at most {MessagePayload} encoded bytes (one 340-byte MO message with its 6-byte fragment header); zstd level {new BatchEncodeOptions().CompressionLevel}; sessions without failures");
        var sequence = 1L;
        foreach (var (name, batches) in new[] { ("alarms_only", alarmsOnly), ("hourly_summaries", hourly), ("everything", everything) })
        {
            var moBefore = wire.Modem.MoBytes;
            var mtBefore = wire.Modem.MtBytes;
            var messagesBefore = wire.Modem.MoDelivered;
            var sessionsBefore = wire.Modem.Sessions;
            long serial = 0;
            long encoded = 0;
            foreach (var items in batches)
            {
                var body = BatchCodec.Encode(Build(sequence, items));
                encoded += body.Length;
                serial += await wire.SendAsync(sequence++, body);
            }

            var air = wire.Modem.MoBytes - moBefore + wire.Modem.MtBytes - mtBefore;
            var sessions = wire.Modem.Sessions - sessionsBefore;
            Line(output, $"{name}_serial_bytes_per_meter_per_day={(double)serial / Meters:F2}");
            Line(output, $"{name}_air_bytes_per_meter_per_day={(double)air / Meters:F2}");
            Line(output, $"  {name}: {batches.Count} batches, {encoded} encoded bytes, {wire.Modem.MoDelivered - messagesBefore} MO messages ({wire.Modem.MoBytes - moBefore} bytes), {wire.Modem.MtBytes - mtBefore} MT bytes, {sessions} sessions (at ~15 s each {sessions * 15 / 3600.0:F1} h of a 24 h day), {serial} serial bytes; month of 30 days: {serial * 30 / 1e6:F2} MB serial, {air * 30 / 1e6:F2} MB over the air");
        }

        Line(output, "serial = bytes on the 9603's serial line both ways (what the gateway's budgets count); air = MO + MT message bytes (what Iridium bills, before any per-message minimum)");
        Line(output, $"elapsed={clock.Elapsed.TotalSeconds:F1}s");
        return 0;
    }

    /// <summary>Cuts items (in order) into batches of at most one MO message each, as the gateway's batcher does for Iridium.</summary>
    private static List<IReadOnlyList<Item>> Pack(List<Item> items)
    {
        var batches = new List<IReadOnlyList<Item>>();
        for (var from = 0; from < items.Count;)
        {
            var take = items.Count - from;
            while (take > 1 && BatchCodec.Encode(Build(long.MaxValue, items.GetRange(from, take))).Length > MessagePayload)
            {
                take = Math.Max(1, Math.Min(take - 1, (int)(take * 0.9)));
            }

            // Grow back one by one to the largest that fits (shrinking by 10 % may overshoot).
            while (from + take < items.Count && BatchCodec.Encode(Build(long.MaxValue, items.GetRange(from, take + 1))).Length <= MessagePayload)
            {
                take++;
            }

            batches.Add(items.GetRange(from, take));
            from += take;
        }

        return batches;
    }

    private static Batch Build(long sequence, IReadOnlyList<Item> items)
    {
        var devices = items.Where(i => i.Reading is not null).Select(i => i.Reading!.Value)
            .GroupBy(r => r.Device, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DeviceRun(g.Key, [new ChannelRun("volume", "l", 0, [.. g.OrderBy(r => r.Point.Seq).Select(r => r.Point)])]))
            .ToList();
        var events = items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        var created = items.Max(i => i.ArrivedUnixMs);
        return new Batch(GatewayId, sequence, created, devices, events, []);
    }

    private static (string Device, ReadingPoint Point) Reading(MeterSeries meter, int hour) =>
        (meter.DeviceId, new ReadingPoint(meter.FirstSeq + hour, Start.AddHours(hour).ToUnixTimeMilliseconds(), meter.RegisterLitres[hour], ClockQuality.Ntp, 0));

    private static BatchEvent Event(Random random, string kind)
    {
        var at = Start.AddSeconds(random.Next(0, 86_400)).ToUnixTimeMilliseconds();
        return new BatchEvent($"pm-{random.Next(1, Meters + 1):D6}", at, kind, $"seq {random.Next(1, 100_000)}");
    }

    private static void Line(TextWriter output, string text) => output.WriteLine(text);

    private sealed record Item(long ArrivedUnixMs, (string Device, ReadingPoint Point)? Reading, BatchEvent? Event);
}
