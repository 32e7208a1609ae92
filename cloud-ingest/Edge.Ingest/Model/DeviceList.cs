using System.Text.Json;

namespace Edge.Ingest.Model;

/// <summary>Answer of <c>GET /v1/admin/devices</c>.</summary>
/// <param name="Devices">Every registration (seed-file form, DOMAIN.md), ordered by device id.</param>
public sealed record DeviceList(IReadOnlyList<JsonElement> Devices);
