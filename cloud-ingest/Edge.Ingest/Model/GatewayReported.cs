using System.Text.Json;

namespace Edge.Ingest.Model;

/// <summary>Answer of <c>GET /v1/gateways/{id}/reported</c> and <c>PUT</c> of it.</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="AppliedVersion">Version the gateway says it applied.</param>
/// <param name="DesiredVersion">Version currently desired (0: none), to tell whether the gateway is in step.</param>
/// <param name="InSync">True when the applied version is the desired one.</param>
/// <param name="Via">How the report arrived: <c>ip</c> or <c>satellite</c>.</param>
/// <param name="ReceivedAt">When the ingest stored it.</param>
/// <param name="Report">The report as the gateway sent it.</param>
public sealed record GatewayReported(
    string GatewayId, long AppliedVersion, long DesiredVersion, bool InSync, string Via, DateTimeOffset ReceivedAt, JsonElement Report);
