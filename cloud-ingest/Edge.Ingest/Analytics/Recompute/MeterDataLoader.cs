using Edge.Ingest.Apis;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// Reads what the alarm rules need of one meter from the store: its hours (volumes by <see cref="ConsumptionLoader"/>,
/// flags of the readings inside each hour) and the times its uploads were received.
/// </summary>
public static class MeterDataLoader
{
    /// <summary>The meter's series over [<paramref name="from"/>, <paramref name="to"/>) (whole UTC hours).</summary>
    public static async Task<MeterSeries> SeriesAsync(
        IIngestStore store, DeviceRegistration meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meter);
        var hourly = await ConsumptionLoader.LoadAsync(store, meter, ConsumptionBoundaries.Hourly(from, to), cancellationToken);
        var readings = await store.GetReadingsAsync(
            meter.DeviceId, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), cancellationToken) ?? [];
        var flags = readings.Where(r => !r.Quarantined).Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r.ObservedUnixMs), r.Flags));
        return MeterSeries.ForMeter(meter, from, to, MeterHours.From(hourly, flags));
    }

    /// <summary>
    /// Receipt times of the meter's uploads (ascending, each once), from the readings observed since
    /// <paramref name="from"/>: a backfilled old batch counts as contact when it arrived.
    /// </summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> ContactsAsync(
        IIngestStore store, string meterId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var readings = await store.GetReadingsAsync(meterId, from.ToUnixTimeMilliseconds(), null, cancellationToken) ?? [];
        return [.. readings.Where(r => !r.Quarantined).Select(r => r.ReceivedUnixMs).Distinct().Order()
            .Select(DateTimeOffset.FromUnixTimeMilliseconds)];
    }

    /// <summary>The start of the UTC hour holding <paramref name="at"/>.</summary>
    public static DateTimeOffset FloorHour(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>The end of the UTC hour holding <paramref name="at"/> (itself when it is a whole hour).</summary>
    public static DateTimeOffset CeilHour(DateTimeOffset at)
    {
        var floor = FloorHour(at);
        return floor == at ? floor : floor.AddHours(1);
    }
}
