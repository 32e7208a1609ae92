using System.Globalization;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Normalisation;

/// <summary>
/// Checks a decoded batch against the ingest's rules and turns its readings into canonical SI values.
/// Defects of the batch itself (missing lists or ids, too many readings) refuse the whole batch. A bad reading
/// (unsupported unit, undefined clock quality, observed too far in the future) is set aside on its own with a
/// reason, so that one broken meter cannot block its gateway's uplink. Limits of the format itself (scale 0..18,
/// times within years 1..9999, id lengths) are enforced by the Edge.Uplink decoders.
/// </summary>
public sealed class BatchNormaliser(UnitCatalog units, IOptions<IngestOptions> options)
{
    /// <summary>Normalises <paramref name="batch"/>, judging future readings against <paramref name="now"/>.</summary>
    public NormalisationResult Normalise(Batch batch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var settings = options.Value;
        var structural = CheckStructure(batch);
        if (structural is not null)
        {
            return NormalisationResult.Reject(structural);
        }

        var total = batch.Devices.Sum(d => d.Channels.Sum(c => (long)c.Points.Count));
        if (total > settings.MaxReadingsPerBatch)
        {
            return NormalisationResult.Reject(string.Create(CultureInfo.InvariantCulture,
                $"The batch has {total} readings; at most {settings.MaxReadingsPerBatch} are accepted in one batch."));
        }

        var latestMs = (now + settings.MaxFutureSkew).ToUnixTimeMilliseconds();
        var readings = new List<NormalisedReading>((int)total);
        var rejected = new List<RejectedReading>();
        foreach (var device in batch.Devices)
        {
            foreach (var run in device.Channels)
            {
                var where = $"Device {DetailText.Quote(device.DeviceId)} channel {DetailText.Quote(run.Channel)}";
                UnitConversion? unit = units.TryGet(run.Unit, out var found) ? found : null;
                var unitProblem = unit is null
                    ? $"{where} uses the unit {DetailText.Quote(run.Unit)}, which is not supported; " +
                      $"supported SenML units: {string.Join(", ", units.SenmlUnits)}."
                    : null;

                foreach (var point in run.Points)
                {
                    var quality = ClockQualityNames.ToName(point.ClockQuality);
                    var reason = unitProblem
                        ?? (quality is null
                            ? string.Create(CultureInfo.InvariantCulture,
                                $"{where} reading seq {point.Seq} has the unknown clock quality {(int)point.ClockQuality}.")
                            : CheckNotInFuture(where, point, latestMs, now, settings.MaxFutureSkew));
                    if (reason is not null)
                    {
                        rejected.Add(new RejectedReading(
                            device.DeviceId, point.Seq, run.Channel, point.ObservedUnixMs,
                            quality ?? ((int)point.ClockQuality).ToString(CultureInfo.InvariantCulture), point.Flags,
                            point.Mantissa, run.Scale, run.Unit, reason));
                        continue;
                    }

                    // A null unit or quality always comes with a reason, so both are known here.
                    readings.Add(new NormalisedReading(
                        device.DeviceId, point.Seq, run.Channel, point.ObservedUnixMs, quality!, point.Flags,
                        unit!.ToCanonical(point.Mantissa, run.Scale), unit.CanonicalUnit, unit.UneceCode,
                        point.Mantissa, run.Scale, run.Unit, point.DeviceUnixMs));
                }
            }
        }

        return NormalisationResult.Ok(readings, rejected);
    }

    private static string? CheckNotInFuture(
        string where, ReadingPoint point, long latestMs, DateTimeOffset now, TimeSpan skew) =>
        point.ObservedUnixMs <= latestMs
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{where} reading seq {point.Seq} is observed at {FormatUnixMs(point.ObservedUnixMs)}, more than " +
                $"{skew} ahead of the server clock ({FormatUnixMs(now.ToUnixTimeMilliseconds())}).");

    // Decoders should never produce nulls or empty names, but a batch is untrusted input: check rather than crash.
    private static string? CheckStructure(Batch batch)
    {
        if (batch.Devices is null || batch.Events is null || batch.Gaps is null)
        {
            return "The batch lacks its device, event or gap list.";
        }

        foreach (var device in batch.Devices)
        {
            if (device is null || string.IsNullOrEmpty(device.DeviceId) || device.Channels is null)
            {
                return "A device entry has no device id or no channel list.";
            }

            foreach (var run in device.Channels)
            {
                if (run is null || string.IsNullOrEmpty(run.Channel) || run.Unit is null || run.Points is null)
                {
                    return $"Device {DetailText.Quote(device.DeviceId)} has a channel without name, unit or points.";
                }
            }
        }

        if (batch.Events.Any(e => e is null || string.IsNullOrEmpty(e.DeviceId) || string.IsNullOrEmpty(e.Kind)))
        {
            return "An event has no device id or no kind.";
        }

        return batch.Gaps.Any(g => g is null || g.DeviceIds is null || g.Reason is null)
            ? "A gap record has no device list or no reason."
            : null;
    }

    private static string FormatUnixMs(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
