namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// The areas whose status is judged (id, name, polygon, households per meter, inflow meter) and the sensor stations'
/// reference levels, read by <see cref="StatusAreaCatalogReader"/> from <see cref="AreaServiceOptions.CatalogPath"/>.
/// A meter whose status area is not listed still counts: its area is judged without a polygon.
/// </summary>
public sealed class StatusAreaCatalog
{
    private readonly Dictionary<string, StatusArea> _areas;
    private readonly Dictionary<string, SensorStation> _stations;

    /// <summary>Creates a catalogue.</summary>
    public StatusAreaCatalog(IEnumerable<StatusArea> areas, IEnumerable<SensorStation> stations)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(stations);
        _areas = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _stations = stations.ToDictionary(s => s.DeviceId, StringComparer.Ordinal);
    }

    /// <summary>A catalogue without areas or stations.</summary>
    public static StatusAreaCatalog Empty { get; } = new([], []);

    /// <summary>The areas, in id order.</summary>
    public IReadOnlyList<StatusArea> Areas => [.. _areas.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>The area <paramref name="id"/>, or null.</summary>
    public StatusArea? Find(string id) => _areas.GetValueOrDefault(id);

    /// <summary>The station facts of sensor <paramref name="deviceId"/>, or null.</summary>
    public SensorStation? Station(string deviceId) => _stations.GetValueOrDefault(deviceId);
}
