namespace Edge.Ingest.Registry;

/// <summary>Where a device is, in WGS 84 degrees (GeoJSON order is longitude, latitude: RFC 7946 §3.1.1).</summary>
/// <param name="Latitude">Latitude, −90 to 90.</param>
/// <param name="Longitude">Longitude, −180 to 180.</param>
public sealed record GeoPoint(double Latitude, double Longitude);
