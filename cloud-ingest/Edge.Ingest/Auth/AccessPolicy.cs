using Edge.Ingest.Registry;

namespace Edge.Ingest.Auth;

/// <summary>
/// The single table of who may call what (issue 4, "Roles"; DESIGN.md "Ingest promises" 5), plus the per-device rule
/// for endpoints that take a device id, so that a group cannot be used to reach another group's data.
/// </summary>
public static class AccessPolicy
{
    // Rows: endpoint groups. Columns: the canonical roles allowed. Reader is not listed: it is Waterworks.
    private static readonly Dictionary<EndpointGroup, CallerRole[]> Table = new()
    {
        [EndpointGroup.Ingest] = [CallerRole.Gateway],
        [EndpointGroup.MeterReadings] = [CallerRole.Waterworks, CallerRole.Admin],
        [EndpointGroup.MeterConsumption] = [CallerRole.Waterworks, CallerRole.Admin],
        [EndpointGroup.MeterAlarms] = [CallerRole.Waterworks, CallerRole.Admin],
        [EndpointGroup.MeterExport] = [CallerRole.Waterworks, CallerRole.Admin],
        [EndpointGroup.AreaAggregates] = [CallerRole.Waterworks, CallerRole.Disaster, CallerRole.Admin],
        // Not disaster: an operating figure of the waterworks, and a small DMA's billed sum is near a household's use.
        [EndpointGroup.AreaBalance] = [CallerRole.Waterworks, CallerRole.Admin],
        // The stream filters each event by its scope for the caller's role (Apis/StreamApi.cs).
        [EndpointGroup.AnalyticsStream] = [CallerRole.Waterworks, CallerRole.Disaster, CallerRole.Welfare, CallerRole.Admin],
        [EndpointGroup.SensorData] = [CallerRole.Disaster, CallerRole.Admin],
        // Welfare alerts name households: only the welfare office sees them, not even operators.
        [EndpointGroup.WelfareAlerts] = [CallerRole.Welfare],
        // The welfare service's events and settings: the welfare office, and admin who enrols the households (issue 8).
        [EndpointGroup.WelfareEvents] = [CallerRole.Welfare, CallerRole.Admin],
        [EndpointGroup.Quarantine] = [CallerRole.Waterworks, CallerRole.Admin],
        [EndpointGroup.Stats] = [CallerRole.Waterworks, CallerRole.Admin],
        [EndpointGroup.Registry] = [CallerRole.Admin],
        [EndpointGroup.GatewayDesiredRead] = [CallerRole.Gateway, CallerRole.Disaster, CallerRole.Admin],
        [EndpointGroup.GatewayDesiredWrite] = [CallerRole.Disaster, CallerRole.Admin],
        [EndpointGroup.GatewayReportedWrite] = [CallerRole.Gateway],
        [EndpointGroup.GatewayReportedRead] = [CallerRole.Disaster, CallerRole.Admin],
    };

    /// <summary>Whether <paramref name="role"/> may call endpoints of <paramref name="group"/>.</summary>
    public static bool Allows(CallerRole role, EndpointGroup group) =>
        Table.TryGetValue(group, out var roles) && roles.Contains(CallerRoleNames.Canonical(role));

    /// <summary>The roles allowed on <paramref name="group"/>, for endpoint metadata and the OpenAPI document.</summary>
    public static IReadOnlyList<CallerRole> RolesFor(EndpointGroup group) =>
        Table.TryGetValue(group, out var roles) ? roles : [];

    /// <summary>
    /// Whether a caller allowed on <paramref name="group"/> may see data of <paramref name="device"/> through it:
    /// meter groups serve water meters only, sensor data never a water meter (a household), welfare alerts only
    /// enrolled households. An unregistered device (null) is the quarantine: only its readings, flagged, and only to
    /// the operators who review the quarantine; it counts in no consumption, export or alert.
    /// </summary>
    public static bool CanSeeDevice(CallerRole role, EndpointGroup group, DeviceRegistration? device)
    {
        if (!Allows(role, group))
        {
            return false;
        }

        if (device is null)
        {
            return group == EndpointGroup.MeterReadings && Allows(role, EndpointGroup.Quarantine);
        }

        return group switch
        {
            // An electricity meter is a household's too: its readings go where water meters' do, never to sensor data.
            EndpointGroup.MeterReadings => device.Kind is DeviceKind.WaterMeter or DeviceKind.ElectricityMeter,
            EndpointGroup.MeterConsumption or EndpointGroup.MeterAlarms or EndpointGroup.MeterExport => device.Kind == DeviceKind.WaterMeter,
            EndpointGroup.SensorData => device.Kind is not (DeviceKind.WaterMeter or DeviceKind.ElectricityMeter),
            EndpointGroup.WelfareAlerts => device.Kind == DeviceKind.WaterMeter && device.IsWelfareEnrolled,
            _ => true,
        };
    }
}
