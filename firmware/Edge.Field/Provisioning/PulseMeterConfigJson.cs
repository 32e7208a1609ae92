using System.Text.Json;
using Edge.Firmware.App;

namespace Edge.Field.Provisioning;

/// <summary>
/// The JSON form of the provisioning settings: the properties of <see cref="PulseMeterConfig"/> in
/// camelCase, so a new setting there appears here without a change.
/// </summary>
public static class PulseMeterConfigJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The settings as indented JSON.</summary>
    public static string Serialize(PulseMeterConfig config) => JsonSerializer.Serialize(config, _options);

    /// <summary>Settings from JSON written by <see cref="Serialize"/>; unknown properties are refused.</summary>
    public static PulseMeterConfig Deserialize(string json) =>
        JsonSerializer.Deserialize<PulseMeterConfig>(json, _options)
        ?? throw new JsonException("the settings JSON is null");
}
