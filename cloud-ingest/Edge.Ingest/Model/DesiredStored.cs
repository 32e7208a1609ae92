using System.Text.Json;

namespace Edge.Ingest.Model;

/// <summary>Answer of <c>PUT /v1/gateways/{id}/desired</c>.</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="Version">The version stored.</param>
/// <param name="UpdatedBy">Role that set it.</param>
/// <param name="UpdatedAt">When.</param>
/// <param name="MtBytes">Size of the document as an Iridium MT message (0xC1 + compact JSON).</param>
/// <param name="FitsSatellite">True when that is at most 270 bytes, so a gateway reachable only by satellite can get it.</param>
/// <param name="Document">The document as stored.</param>
public sealed record DesiredStored(
    string GatewayId, long Version, string UpdatedBy, DateTimeOffset UpdatedAt, int MtBytes, bool FitsSatellite, JsonElement Document);
