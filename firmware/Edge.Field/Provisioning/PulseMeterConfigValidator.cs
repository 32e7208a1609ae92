using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Firmware.App;
using Edge.Firmware.Buffering;

namespace Edge.Field.Provisioning;

/// <summary>
/// Checks provisioning settings of a pulse meter node (<see cref="PulseMeterConfig"/>) before they go to
/// a device, and says in plain words what is wrong.
/// </summary>
public static partial class PulseMeterConfigValidator
{
    /// <summary>Bytes of the node's storage file for state and ring (Edge.Firmware.Device Program.StorageBytes).</summary>
    public const int DeviceStorageBytes = 32 * 1024;

    /// <summary>Most readings per frame: the device's frame buffer (96 + 64 per reading) must stay small.</summary>
    public const int MaxReadingsPerFrameLimit = 100;

    private const int SecondsPerDay = 86400;

    /// <summary>
    /// Converts a pulse factor in litres to the device's millilitres; an error message when it is not a
    /// whole number of millilitres from 0.001 to 1000 litres.
    /// </summary>
    public static string? TryToMillilitres(decimal litresPerPulse, out int millilitres)
    {
        millilitres = 0;
        var ml = litresPerPulse * 1000m;
        if (ml < 1m || ml > 1_000_000m || ml != decimal.Truncate(ml))
        {
            return $"litres per pulse must be one of 0.001..1000 in steps of 0.001 (got {litresPerPulse.ToString(CultureInfo.InvariantCulture)})";
        }

        millilitres = (int)ml;
        return null;
    }

    /// <summary>Every problem with <paramref name="config"/>; empty when it can be provisioned.</summary>
    public static IReadOnlyList<string> Validate(PulseMeterConfig config)
    {
        var errors = new List<string>();
        var maxRing = (DeviceStorageBytes - ReadingRing.RequiredBytes(0)) / ReadingRing.SlotBytes;
        if (config.DeviceId is null || !DeviceIdPattern().IsMatch(config.DeviceId))
        {
            errors.Add("device id must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit "
                       + $"(it becomes urn:dev:ops:{{id}}: and the MQTT topic) (got \"{config.DeviceId}\")");
        }

        Check(errors, config.MillilitresPerPulse is >= 1 and <= 1_000_000, Invariant(
            $"litres per pulse must be one of 0.001..1000 (got {config.MillilitresPerPulse / 1000m})"));
        Check(errors, config.ReadingIntervalSeconds is >= 60 and <= SecondsPerDay
                      && SecondsPerDay % config.ReadingIntervalSeconds == 0, Invariant(
            $"reading interval must be 60..86400 seconds and divide a day evenly, e.g. 900 or 3600 (got {config.ReadingIntervalSeconds})"));
        Check(errors, config.DebounceMs is >= 0 and <= 1000, Invariant(
            $"debounce must be 0..1000 ms (got {config.DebounceMs})"));
        Check(errors, config.RingCapacity >= 1 && config.RingCapacity <= maxRing, Invariant(
            $"ring capacity must be 1..{maxRing} readings to fit the node's {DeviceStorageBytes / 1024} KiB storage (got {config.RingCapacity})"));
        Check(errors, config.MaxReadingsPerFrame >= 1 && config.MaxReadingsPerFrame <= MaxReadingsPerFrameLimit
                      && config.MaxReadingsPerFrame <= config.RingCapacity, Invariant(
            $"readings per frame must be 1..{MaxReadingsPerFrameLimit} and at most the ring capacity (got {config.MaxReadingsPerFrame})"));
        Check(errors, config.PublishTimeoutMs is >= 1000 and <= 120_000, Invariant(
            $"publish timeout must be 1000..120000 ms (got {config.PublishTimeoutMs})"));
        Check(errors, config.MinRetryMs >= 1000 && config.MinRetryMs <= config.MaxRetryMs, Invariant(
            $"first retry delay must be at least 1000 ms and at most the longest retry delay (got {config.MinRetryMs})"));
        Check(errors, config.MaxRetryMs <= SecondsPerDay * 1000, Invariant(
            $"longest retry delay must be at most a day, 86400000 ms (got {config.MaxRetryMs})"));
        Check(errors, config.PersistEveryPulses is >= 1 and <= 1000, Invariant(
            $"persist-every-pulses must be 1..1000 (got {config.PersistEveryPulses})"));
        return errors;
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex DeviceIdPattern();
}
