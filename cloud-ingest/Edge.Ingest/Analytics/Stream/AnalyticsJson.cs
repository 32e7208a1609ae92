using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Edge.Ingest.Analytics.Stream;

/// <summary>Compact JSON text of the analytics documents, with Japanese area names written as they are (not as \u escapes).</summary>
public static class AnalyticsJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>The compact text of <paramref name="node"/> (one line: JSON strings escape their line breaks).</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(_options);
    }
}
