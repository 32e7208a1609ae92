using System.Globalization;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Normalisation;

/// <summary>
/// Checks a decoded batch against the ingest's rules and turns its readings into canonical SI values, each channel by
/// its registration (quantity, unit, multiplier; <see cref="ChannelValueNormaliser"/>). Defects of the batch itself
/// (missing lists or ids, too many readings) refuse the whole batch. A bad reading (a channel or unit its device's
/// registration does not accept, an undefined clock quality, observed too far in the future) is set aside on its own
/// with a reason, so that one broken meter cannot block its gateway's uplink. Readings of a device that is not
/// registered are converted by their unit alone and marked quarantined. Limits of the format itself (scale 0..18,
/// times within years 1..9999, id lengths) are enforced by the Edge.Uplink decoders.
/// </summary>
public sealed class BatchNormaliser(ChannelValueNormaliser channels, IOptions<IngestOptions> options)
{
    /// <summary>
    /// Checks what does not need the registry: the batch's structure and its number of readings. Returns why the
    /// whole batch is refused, or null.
    /// </summary>
    public string? Check(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var structural = CheckStructure(batch);
        if (structural is not null)
        {
            return structural;
        }

        var max = options.Value.MaxReadingsPerBatch;
        var total = CountReadings(batch);
        return total > max
            ? string.Create(CultureInfo.InvariantCulture,
                $"The batch has {total} readings; at most {max} are accepted in one batch.")
            : null;
    }

    /// <summary>
    /// Normalises <paramref name="batch"/>, judging future readings against <paramref name="now"/>;
    /// <paramref name="registrations"/> holds the registered ones of its devices (the others are quarantined).
    /// </summary>
    public NormalisationResult Normalise(
        Batch batch, DateTimeOffset now, IReadOnlyDictionary<string, DeviceRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        if (Check(batch) is { } error)
        {
            return NormalisationResult.Reject(error);
        }

        var settings = options.Value;
        var latestMs = (now + settings.MaxFutureSkew).ToUnixTimeMilliseconds();
        var readings = new List<NormalisedReading>((int)CountReadings(batch));
        var rejected = new List<RejectedReading>();
        foreach (var device in batch.Devices)
        {
            var registration = registrations.GetValueOrDefault(device.DeviceId);
            var quarantined = registration is null;
            foreach (var run in device.Channels)
            {
                var where = $"Device {DetailText.Quote(device.DeviceId)} channel {DetailText.Quote(run.Channel)}";
                ChannelConversion? conversion;
                string? unitProblem;
                if (registration is null)
                {
                    channels.TryResolveUnregistered(device.DeviceId, run.Channel, run.Unit, out conversion, out unitProblem);
                }
                else
                {
                    channels.TryResolve(registration, run.Channel, run.Unit, out conversion, out unitProblem);
                }

                foreach (var point in run.Points)
                {
                    var quality = ClockQualityNames.ToName(point.ClockQuality);
                    var reason = unitProblem
                        ?? (quality is null
                            ? string.Create(CultureInfo.InvariantCulture,
                                $"{where} reading seq {point.Seq} has the unknown clock quality {(int)point.ClockQuality}.")
                            : CheckNotInFuture(where, point, latestMs, now, settings.MaxFutureSkew));
                    var inFuture = unitProblem is null && quality is not null && reason is not null;
                    double value = 0;
                    if (reason is null)
                    {
                        try
                        {
                            value = conversion!.ToCanonical(point.Mantissa, run.Scale);
                        }
                        catch (OverflowException)
                        {
                            reason = ChannelValueNormaliser.TooLarge(device.DeviceId, run.Channel);
                        }
                    }

                    if (reason is not null)
                    {
                        rejected.Add(new RejectedReading(
                            device.DeviceId, point.Seq, run.Channel, point.ObservedUnixMs,
                            quality ?? ((int)point.ClockQuality).ToString(CultureInfo.InvariantCulture), point.Flags,
                            point.Mantissa, run.Scale, run.Unit, reason, inFuture));
                        continue;
                    }

                    // Without a reason the conversion and the quality are known.
                    readings.Add(new NormalisedReading(
                        device.DeviceId, point.Seq, run.Channel, point.ObservedUnixMs, quality!, point.Flags,
                        value, conversion!.Canonical.Symbol, conversion.Canonical.UneceCode,
                        point.Mantissa, run.Scale, run.Unit, point.DeviceUnixMs, quarantined));
                }
            }
        }

        return NormalisationResult.Ok(readings, rejected);
    }

    private static long CountReadings(Batch batch) => batch.Devices.Sum(d => d.Channels.Sum(c => (long)c.Points.Count));

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
