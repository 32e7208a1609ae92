namespace Edge.HwSim.Scenarios;

/// <summary>
/// A status area of a scenario (a 町丁目 or a district metered area): its id, name, municipality and outline.
/// </summary>
/// <param name="Id">Status area id (letters, digits, '-', '_', '.').</param>
/// <param name="Name">Display name.</param>
/// <param name="Municipality">JIS X 0402 5-digit code of the ward it lies in.</param>
/// <param name="West">Western edge, degrees of longitude.</param>
/// <param name="South">Southern edge, degrees of latitude.</param>
/// <param name="East">Eastern edge, degrees of longitude.</param>
/// <param name="North">Northern edge, degrees of latitude.</param>
public sealed record ScenarioArea(string Id, string Name, string Municipality, double West, double South, double East, double North)
{
    /// <summary>
    /// The outline as one closed linear ring of [longitude, latitude] positions, counterclockwise (RFC 7946 §3.1.6:
    /// exterior rings are counterclockwise; §3.1.1: longitude first).
    /// </summary>
    public IReadOnlyList<double[]> Ring =>
    [
        [West, South], [East, South], [East, North], [West, North], [West, South],
    ];

    /// <summary>A point inside the area: <paramref name="u"/> and <paramref name="v"/> (0..1) across and up.</summary>
    public (double Latitude, double Longitude) PointAt(double u, double v) =>
        (South + ((North - South) * v), West + ((East - West) * u));
}
