namespace Edge.Ingest.Auth;

/// <summary>Endpoints grouped by the data they expose; <see cref="AccessPolicy"/> decides per group.</summary>
public enum EndpointGroup
{
    /// <summary>Writes: <c>POST /v1/batches</c> (Edge.Uplink and third-party JSON readings).</summary>
    Ingest,

    /// <summary>One meter's readings and latest value: <c>GET /v1/meters/{id}/readings</c>.</summary>
    MeterReadings,

    /// <summary>One meter's intervals: <c>GET /v1/meters/{id}/consumption</c>.</summary>
    MeterConsumption,

    /// <summary>Meter alarms (leak, burst, backflow, tamper, ...).</summary>
    MeterAlarms,

    /// <summary>Billing CSV and NGSI-LD exports of meter data.</summary>
    MeterExport,

    /// <summary>Area totals and status: <c>GET /v1/areas/{code}/consumption</c>; no household values.</summary>
    AreaAggregates,

    /// <summary>
    /// A district metered area's water balance and minimum night flow: <c>GET /v1/areas/{areaId}/balance</c>. Waterworks
    /// and admin only: losses are the utility's operating figure (DESIGN.md lists the district water balance under
    /// waterworks), and the billed sum of a DMA with a handful of customers comes close to a household's use.
    /// </summary>
    AreaBalance,

    /// <summary>
    /// The change stream <c>GET /v1/stream</c>: every reading role may listen, and each sees only the scopes it may
    /// (disaster aggregates, waterworks/admin aggregates and meter alarms, welfare its findings); gateways never.
    /// </summary>
    AnalyticsStream,

    /// <summary>Environmental sensors (rain, river level, seismic, air), including their NGSI-LD export.</summary>
    SensorData,

    /// <summary>No-use alerts of households enrolled in welfare watch.</summary>
    WelfareAlerts,

    /// <summary>
    /// The welfare watch service (issue 8): welfare events of enrolled households and the welfare office's settings per
    /// household (genki deadline, snooze, away mode).
    /// </summary>
    WelfareEvents,

    /// <summary>Readings set aside or quarantined (unknown devices): <c>GET /v1/rejected</c>.</summary>
    Quarantine,

    /// <summary>Ingest totals: <c>GET /v1/stats</c>.</summary>
    Stats,

    /// <summary>The device registry admin API.</summary>
    Registry,

    /// <summary>A gateway's desired configuration, read: <c>GET /v1/gateways/{id}/desired</c> (a gateway only its own).</summary>
    GatewayDesiredRead,

    /// <summary>A gateway's desired configuration, written: <c>PUT /v1/gateways/{id}/desired</c> (disaster: only disasterMode).</summary>
    GatewayDesiredWrite,

    /// <summary>A gateway's report of the configuration it applied, written by that gateway: <c>PUT /v1/gateways/{id}/reported</c>.</summary>
    GatewayReportedWrite,

    /// <summary>A gateway's report, read: <c>GET /v1/gateways/{id}/reported</c>.</summary>
    GatewayReportedRead,
}
