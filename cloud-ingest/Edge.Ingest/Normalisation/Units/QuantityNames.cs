namespace Edge.Ingest.Normalisation.Units;

/// <summary>Wire names of <see cref="Quantity"/> (seed files, third-party readings, APIs).</summary>
public static class QuantityNames
{
    private static readonly (Quantity Quantity, string Name)[] All =
    [
        (Quantity.Volume, "volume"),
        (Quantity.VolumeFlow, "volume-flow"),
        (Quantity.Temperature, "temperature"),
        (Quantity.RelativeHumidity, "relative-humidity"),
        (Quantity.Pressure, "pressure"),
        (Quantity.Precipitation, "precipitation"),
        (Quantity.PrecipitationRate, "precipitation-rate"),
        (Quantity.WaterLevel, "water-level"),
        (Quantity.MassConcentration, "mass-concentration"),
        (Quantity.MoleFraction, "mole-fraction"),
        (Quantity.Acceleration, "acceleration"),
        (Quantity.Energy, "energy"),
        (Quantity.Power, "power"),
    ];

    /// <summary>Every wire name, for error messages.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(q => q.Name)];

    /// <summary>The wire name of <paramref name="quantity"/>.</summary>
    public static string ToName(Quantity quantity) => All.First(q => q.Quantity == quantity).Name;

    /// <summary>Parses a wire name (exact, lower case).</summary>
    public static bool TryParse(string? name, out Quantity quantity)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                quantity = entry.Quantity;
                return true;
            }
        }

        quantity = default;
        return false;
    }
}
