using Edge.Ingest.Analytics.Sensors;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>What the area catalogue says about one environmental sensor: a river gauge's four levels, or that it measures inundation depth.</summary>
/// <param name="DeviceId">The sensor's device id.</param>
/// <param name="River">The river station's reference levels, for a river gauge.</param>
/// <param name="Inundation">Whether the water-level sensor measures inundation depth (m above ground) rather than a river.</param>
public sealed record SensorStation(string DeviceId, RiverStation? River, bool Inundation);
