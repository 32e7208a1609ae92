namespace Edge.Ingest.Registry;

/// <summary>A device as the registry knows it.</summary>
/// <param name="DeviceId">Device id, as in batches (the first half of the <c>(device, seq)</c> key).</param>
/// <param name="GatewayId">The only gateway allowed to write this device's readings.</param>
/// <param name="Kind">What the device is.</param>
/// <param name="Channels">What it measures, with units and scaling.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Area">The municipality it is in (JIS X 0402).</param>
/// <param name="Meter">Register facts; required for water meters, absent for sensors.</param>
/// <param name="Welfare">Welfare-watch enrolment of the household behind a water meter, if any.</param>
/// <param name="StatusAreaId">
/// The area whose disaster status the meter counts in (a 町丁目 or a district metered area id of the area catalogue);
/// null for the municipality (<see cref="StatusArea"/>).
/// </param>
public sealed record DeviceRegistration(
    string DeviceId,
    string GatewayId,
    DeviceKind Kind,
    IReadOnlyList<ChannelSpec> Channels,
    GeoPoint Location,
    AreaCode Area,
    MeterProfile? Meter = null,
    WelfareEnrolment? Welfare = null,
    string? StatusAreaId = null)
{
    /// <summary>The status area the meter counts in: <see cref="StatusAreaId"/>, or the municipality code when none is set.</summary>
    public string StatusArea => StatusAreaId ?? Area.Code;

    /// <summary>Whether the household behind this device is enrolled in welfare watch now.</summary>
    public bool IsWelfareEnrolled => Welfare is { Enrolled: true };

    /// <summary>The channel named <paramref name="name"/>, or null.</summary>
    public ChannelSpec? FindChannel(string name) =>
        Channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
