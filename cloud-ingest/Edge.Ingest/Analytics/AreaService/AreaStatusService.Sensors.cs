using Edge.Ingest.Analytics.Sensors;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.AreaService;

public sealed partial class AreaStatusService
{
    /// <summary>Channel name of an instrumental seismic intensity (参考値) as the gateway sends it.</summary>
    public const string SeismicIntensityChannel = "seismic-intensity";

    /// <summary>Channel name of the rainfall of the last 10 minutes, mm.</summary>
    public const string Rain10MinutesChannel = "rain-10m";

    /// <summary>Channel name of the rainfall of the last hour (JMA 前1時間降水量), mm.</summary>
    public const string RainHourChannel = "rain-1h";

    private async Task<IReadOnlyList<SensorEntry>> ReadSensorsAsync(
        IReadOnlyList<DeviceRegistration> devices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = new List<SensorEntry>();
        var from = (now - options.Value.SensorMaxAge).ToUnixTimeMilliseconds();
        foreach (var device in devices.Where(d => d.Kind is DeviceKind.WaterLevel or DeviceKind.Rain or DeviceKind.Seismic))
        {
            var readings = await store.GetReadingsAsync(device.DeviceId, from, now.ToUnixTimeMilliseconds() + 1, cancellationToken) ?? [];
            // Ordered by observed time: the last of each channel is its latest. One entry per quantity shown.
            var latest = readings.Where(r => !r.Quarantined).GroupBy(r => r.Channel, StringComparer.Ordinal).Select(g => g.Last());
            foreach (var reading in latest)
            {
                if (Classify(device, reading, catalog.Catalog.Station(device.DeviceId), analytics.Value.Sensors) is { } entry
                    && !entries.Any(e => e.DeviceId == entry.DeviceId && e.Quantity == entry.Quantity))
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    /// <summary>The entry of one sensor reading, or null for a channel the status page does not show.</summary>
    public static SensorEntry? Classify(DeviceRegistration device, StoredReading reading, SensorStation? station, SensorRuleOptions rules)
    {
        var value = (decimal)reading.Value;
        var quantity = device.FindChannel(reading.Channel)?.Quantity;
        (string Quantity, string? Level)? shown = device.Kind switch
        {
            DeviceKind.WaterLevel when quantity == Quantity.WaterLevel => station is { Inundation: true }
                ? ("inundation", AreaStatusNames.Of(Inundation.Classify(value, rules)))
                : ("river-level", station?.River is { } river ? AreaStatusNames.Of(river.Classify(value)) : null),
            DeviceKind.Rain when quantity == Quantity.PrecipitationRate || reading.Channel == RainHourChannel =>
                ("rainfall", AreaStatusNames.RainBand(RainfallBands.OfHour(value, rules.Bands), rules.Bands)),
            DeviceKind.Rain when reading.Channel == Rain10MinutesChannel =>
                ("rainfall", AreaStatusNames.RainBand(RainfallBands.OfTenMinutes(value, rules.Bands), rules.Bands)),
            DeviceKind.Seismic when reading.Channel == SeismicIntensityChannel =>
                ("seismic-intensity", AreaStatusNames.Seismic(SeismicIntensityScale.ClassOf(value))),
            _ => null,
        };
        return shown is { } s
            ? new SensorEntry(device.DeviceId, device.Area.Code, device.Location, s.Quantity, value, reading.Unit,
                DateTimeOffset.FromUnixTimeMilliseconds(reading.ObservedUnixMs), s.Level)
            : null;
    }
}
