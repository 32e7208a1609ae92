using System.Text;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;

namespace Edge.HwSim.Demo;

/// <summary>
/// Writes the ingest's registry seed for a simulated fleet: every meter a water meter on the stack's gateway, the
/// fleet spread round-robin over five Tokyo wards, so that its readings are admitted (not quarantined) and count in
/// consumption and area aggregates.
/// </summary>
public static class RegistrySeedFile
{
    // JIS X 0402 codes and a point inside each ward (its office).
    private static readonly (string Area, double Lat, double Lon)[] Wards =
    [
        ("13101", 35.6940, 139.7536), // Chiyoda
        ("13102", 35.6707, 139.7720), // Chuo
        ("13103", 35.6581, 139.7516), // Minato
        ("13104", 35.6938, 139.7034), // Shinjuku
        ("13112", 35.6464, 139.6532), // Setagaya
    ];

    /// <summary>The registrations of the fleet's meters.</summary>
    public static IReadOnlyList<DeviceRegistration> Registrations(StackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var devices = new List<DeviceRegistration>(options.Fleet.Meters);
        for (var i = 0; i < options.Fleet.Meters; i++)
        {
            var (area, lat, lon) = Wards[i % Wards.Length];
            var id = Fleet.FleetOptions.DeviceId(i);

            // No register digits: the simulated register does not roll over. Q3 2.5 m³/h: a household DN15 meter.
            devices.Add(new DeviceRegistration(
                id, options.GatewayId, DeviceKind.WaterMeter, [new ChannelSpec("volume", Quantity.Volume, "l")],
                new GeoPoint(lat, lon), AreaCode.Parse(area), new MeterProfile(null, 2.5m, "SIM-" + id)));
        }

        return devices;
    }

    /// <summary>Writes the seed to <paramref name="path"/> (folders created) and returns the path.</summary>
    public static string Write(StackOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var json = new StringBuilder();
        json.Append("{\"version\":").Append(RegistrySeedReader.Version).Append(",\"devices\":[");
        json.AppendJoin(',', Registrations(options).Select(DeviceDocument.Write));
        json.Append("]}");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, json.ToString());
        return path;
    }
}
