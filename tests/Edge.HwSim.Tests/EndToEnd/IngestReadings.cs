using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Edge.HwSim.Tests.EndToEnd;

/// <summary>Reads back what the ingest stored for a meter through its query API.</summary>
public static class IngestReadings
{
    public sealed record Reading(long Seq, DateTimeOffset ObservedAt, double ValueM3, string Unit, string ClockQuality, DateTimeOffset? DeviceObservedAt);

    public static async Task<List<Reading>> GetAsync(HttpClient http, string ingestUrl, string readerKey, string deviceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ingestUrl}/v1/meters/{deviceId}/readings");
        request.Headers.Add("X-Api-Key", readerKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var doc = await response.Content.ReadFromJsonAsync<JsonDocument>() ?? throw new InvalidOperationException("empty body");
        var list = new List<Reading>();
        foreach (var r in doc.RootElement.GetProperty("readings").EnumerateArray())
        {
            list.Add(new Reading(
                r.GetProperty("seq").GetInt64(),
                DateTimeOffset.Parse(r.GetProperty("observedAt").GetString()!, CultureInfo.InvariantCulture),
                r.GetProperty("value").GetDouble(),
                r.GetProperty("unit").GetString()!,
                r.GetProperty("clockQuality").GetString()!,
                r.TryGetProperty("deviceObservedAt", out var device) ? DateTimeOffset.Parse(device.GetString()!, CultureInfo.InvariantCulture) : null));
        }

        return list;
    }
}
