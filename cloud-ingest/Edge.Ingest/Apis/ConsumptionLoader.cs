using Edge.Ingest.Consumption;
using Edge.Ingest.Model;
using Edge.Ingest.Normalisation.Registers;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Apis;

/// <summary>
/// Computes a meter's consumption intervals on the fly from its stored readings: the registered volume channel only,
/// quarantined readings left out, <see cref="ConsumptionCalculator"/> with the meter's register spec. Nothing is
/// invented: an interval without a reading near both ends is a gap.
/// </summary>
public static class ConsumptionLoader
{
    /// <summary>The intervals between consecutive <paramref name="boundaries"/> for <paramref name="meter"/>.</summary>
    public static async Task<IReadOnlyList<ConsumptionInterval>> LoadAsync(
        IIngestStore store, DeviceRegistration meter, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(boundaries);
        var tolerance = ConsumptionCalculator.DefaultTolerance;
        var channel = meter.Channels.FirstOrDefault(c => c.Quantity == Quantity.Volume)?.Name;
        var spec = meter.Meter?.ToRegisterSpec() ?? RegisterSpec.Domestic(null);

        // A boundary reading may lie up to the tolerance outside [from, to).
        var stored = await store.GetReadingsAsync(
            meter.DeviceId,
            (boundaries[0] - tolerance).ToUnixTimeMilliseconds(),
            (boundaries[^1] + tolerance).ToUnixTimeMilliseconds() + 1,
            cancellationToken) ?? [];
        var registers = stored
            .Where(r => !r.Quarantined && string.Equals(r.Channel, channel, StringComparison.Ordinal)
                && string.Equals(r.Unit, "m3", StringComparison.Ordinal))
            .Select(r => new RegisterReading(
                DateTimeOffset.FromUnixTimeMilliseconds(r.ObservedUnixMs), (decimal)r.Value,
                ReverseFlow: ((ReadingFlags)r.Flags).HasFlag(ReadingFlags.Reverse)))
            .ToList();
        return ConsumptionCalculator.Compute(registers, spec, boundaries, tolerance);
    }
}
