using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Apis;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// Reads what a DMA water balance needs from stored readings (README "DMA water balance"): hourly volumes of the inflow
/// meter and of every customer meter by <see cref="ConsumptionLoader"/>, and each one's volume over the whole period.
/// The inflow meter may be a district flow meter on the gateway's <c>modbus-rtu</c> input: its forward totaliser is
/// stored like any register (quantity volume, m³) and a reverse totaliser, when registered, as the channel of the same
/// name with <c>-reverse</c> (the gateway README's <c>volume</c> / <c>volume-reverse</c>); net inflow = forward − reverse.
/// </summary>
public static class AreaBalanceLoader
{
    /// <summary>Suffix of a reverse totaliser's channel name.</summary>
    public const string ReverseSuffix = "-reverse";

    /// <summary>
    /// The forward and (if any) reverse totaliser channels of <paramref name="meter"/>: the first volume channel whose
    /// name does not end in <see cref="ReverseSuffix"/>, and the volume channel of its name plus the suffix. Null when
    /// the device has no forward volume channel.
    /// </summary>
    public static (ChannelSpec Forward, ChannelSpec? Reverse)? InflowChannels(DeviceRegistration meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var volumes = meter.Channels.Where(c => c.Quantity == Quantity.Volume).ToList();
        var forward = volumes.FirstOrDefault(c => !c.Name.EndsWith(ReverseSuffix, StringComparison.Ordinal));
        return forward is null
            ? null
            : (forward, volumes.FirstOrDefault(c => string.Equals(c.Name, forward.Name + ReverseSuffix, StringComparison.Ordinal)));
    }

    /// <summary>The report of <paramref name="area"/> over [<paramref name="from"/>, <paramref name="to"/>) (whole UTC hours).</summary>
    /// <exception cref="ArgumentException">The inflow meter has no forward volume channel (check <see cref="InflowChannels"/> first).</exception>
    public static async Task<AreaBalanceReport> LoadAsync(
        IIngestStore store, StatusArea area, DeviceRegistration inflow, IReadOnlyList<DeviceRegistration> customers,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(inflow);
        ArgumentNullException.ThrowIfNull(customers);
        var (forward, reverse) = InflowChannels(inflow)
            ?? throw new ArgumentException($"Inflow meter '{inflow.DeviceId}' has no volume channel.", nameof(inflow));
        var inflowFrom = from.AddDays(-(AreaBalanceCalculator.NightWindowDays - 1));
        var forwardHours = await ConsumptionLoader.LoadAsync(store, inflow with { Channels = [forward] }, ConsumptionBoundaries.Hourly(inflowFrom, to), cancellationToken);
        var reverseHours = reverse is null
            ? null
            : await ConsumptionLoader.LoadAsync(store, inflow with { Channels = [reverse] }, ConsumptionBoundaries.Hourly(inflowFrom, to), cancellationToken);
        var net = new List<MeterHour>(forwardHours.Count);
        for (var h = 0; h < forwardHours.Count; h++)
        {
            var volume = reverseHours is null ? forwardHours[h].VolumeM3 : forwardHours[h].VolumeM3 - reverseHours[h].VolumeM3;
            net.Add(new MeterHour(forwardHours[h].Start, volume, forwardHours[h].Quality.Quality, 0));
        }

        var skip = (int)((from - inflowFrom).Ticks / TimeSpan.TicksPerHour);
        var forwardM3 = await PeriodAsync(store, inflow with { Channels = [forward] }, forwardHours.Skip(skip).ToList(), from, to, cancellationToken);
        var reverseM3 = reverse is null || reverseHours is null
            ? null
            : await PeriodAsync(store, inflow with { Channels = [reverse] }, reverseHours.Skip(skip).ToList(), from, to, cancellationToken);
        var inflowPeriod = new InflowPeriod(
            inflow.DeviceId, forwardM3, reverseM3, reverse is not null, MeterSeries.ForMeter(inflow, inflowFrom, to, net));

        var periods = new List<CustomerPeriod>(customers.Count);
        foreach (var customer in customers)
        {
            var hourly = await ConsumptionLoader.LoadAsync(store, customer, ConsumptionBoundaries.Hourly(from, to), cancellationToken);
            periods.Add(new CustomerPeriod(hourly.Count(i => i.VolumeM3 is not null), await PeriodAsync(store, customer, hourly, from, to, cancellationToken)));
        }

        return AreaBalanceCalculator.Compute(area.Id, area.Name, from, to, inflowPeriod, periods);
    }

    // The volume over [from, to): the sum of the hours when all are present (the same register steps), else the
    // register at the end minus the register at the start, which stands even when hours between are missing.
    private static async Task<decimal?> PeriodAsync(
        IIngestStore store, DeviceRegistration meter, IReadOnlyList<ConsumptionInterval> hourly, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        if (hourly.All(i => i.VolumeM3 is not null))
        {
            return hourly.Sum(i => i.VolumeM3!.Value);
        }

        return (await ConsumptionLoader.LoadAsync(store, meter, [from, to], cancellationToken))[0].VolumeM3;
    }
}
