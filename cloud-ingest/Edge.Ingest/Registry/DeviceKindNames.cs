using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Registry;

/// <summary>Wire names of <see cref="DeviceKind"/> and the quantity each kind must measure.</summary>
public static class DeviceKindNames
{
    private static readonly (DeviceKind Kind, string Name, Quantity[] Primary)[] All =
    [
        (DeviceKind.WaterMeter, "water-meter", [Quantity.Volume]),
        (DeviceKind.Temperature, "temperature", [Quantity.Temperature]),
        (DeviceKind.Humidity, "humidity", [Quantity.RelativeHumidity]),
        (DeviceKind.Pressure, "pressure", [Quantity.Pressure]),
        (DeviceKind.Co2, "co2", [Quantity.MoleFraction]),
        (DeviceKind.Pm25, "pm2.5", [Quantity.MassConcentration]),
        (DeviceKind.Pm10, "pm10", [Quantity.MassConcentration]),
        (DeviceKind.WaterLevel, "water-level", [Quantity.WaterLevel]),
        (DeviceKind.Rain, "rain", [Quantity.Precipitation, Quantity.PrecipitationRate]),
        (DeviceKind.Seismic, "seismic", [Quantity.Acceleration]),
        (DeviceKind.ElectricityMeter, "electricity-meter", [Quantity.Energy]),
    ];

    /// <summary>Every wire name, in declaration order, for error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    public static string ToName(DeviceKind kind) => All.First(k => k.Kind == kind).Name;

    /// <summary>Parses a wire name (exact, lower case).</summary>
    public static bool TryParse(string? name, out DeviceKind kind)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The quantities of which a device of <paramref name="kind"/> must have at least one channel.</summary>
    public static IReadOnlyList<Quantity> PrimaryQuantities(DeviceKind kind) => All.First(k => k.Kind == kind).Primary;
}
