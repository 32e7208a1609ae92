using System.Text.Json;

namespace Edge.Ingest.Model;

/// <summary>Answer of <c>PUT /v1/admin/devices/{id}</c>.</summary>
/// <param name="Created">True when the device was new (201), false when its registration was replaced (200).</param>
/// <param name="ReleasedReadings">Quarantined readings from the device's gateway released by this registration.</param>
/// <param name="Device">The registration as stored.</param>
public sealed record DeviceRegistered(bool Created, int ReleasedReadings, JsonElement Device);
