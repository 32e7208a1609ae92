using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edge.Uplink.Control;

/// <summary>JSON form of <see cref="ReportedState"/>; reading is strict like <see cref="DesiredConfigJson"/>.</summary>
public static class ReportedStateJson
{
    // Non-ASCII text (a reason in Japanese) as UTF-8, not \u escapes: a third of the bytes in an MT message.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Longest rejection reason kept (a longer one is cut when written).</summary>
    public const int MaxReasonChars = 160;

    private static readonly string[] _members = ["gatewayId", "appliedVersion", "disasterMode", "sources", "at", "rejectedVersion", "rejectedReason"];
    private static readonly string[] _sources = ["cloud", "file", "gpio", "seismic"];

    /// <summary>Compact UTF-8 JSON.</summary>
    public static byte[] Write(ReportedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteString("gatewayId", state.GatewayId);
            json.WriteNumber("appliedVersion", state.AppliedVersion);
            json.WriteBoolean("disasterMode", state.DisasterMode);
            json.WriteStartArray("sources");
            foreach (var s in state.Sources)
            {
                json.WriteStringValue(s);
            }

            json.WriteEndArray();
            json.WriteString("at", state.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (state.RejectedVersion is { } v)
            {
                json.WriteNumber("rejectedVersion", v);
                var reason = state.RejectedReason ?? "";
                json.WriteString("rejectedReason", reason.Length <= MaxReasonChars ? reason : reason[..MaxReasonChars]);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a report; null with the errors when it is not one.</summary>
    public static ReportedState? Parse(ReadOnlySpan<byte> utf8, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException ex)
        {
            list.Add($"$: not valid JSON: {ex.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                list.Add("$: must be an object");
                return null;
            }

            foreach (var p in root.EnumerateObject().Where(p => !_members.Contains(p.Name)))
            {
                list.Add($"$.{p.Name}: unknown member");
            }

            var gateway = root.TryGetProperty("gatewayId", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
            if (string.IsNullOrEmpty(gateway))
            {
                list.Add("$.gatewayId: required string");
            }

            long applied = -1;
            if (!root.TryGetProperty("appliedVersion", out var a) || a.ValueKind != JsonValueKind.Number || !a.TryGetInt64(out applied) || applied < 0)
            {
                list.Add("$.appliedVersion: required integer of at least 0");
            }

            bool? on = root.TryGetProperty("disasterMode", out var d) && d.ValueKind is JsonValueKind.True or JsonValueKind.False ? d.GetBoolean() : null;
            if (on is null)
            {
                list.Add("$.disasterMode: required, true or false");
            }

            var sources = new List<string>();
            if (root.TryGetProperty("sources", out var s))
            {
                if (s.ValueKind != JsonValueKind.Array)
                {
                    list.Add("$.sources: must be an array");
                }
                else
                {
                    foreach (var x in s.EnumerateArray())
                    {
                        var name = x.ValueKind == JsonValueKind.String ? x.GetString()! : "";
                        if (!_sources.Contains(name))
                        {
                            list.Add($"$.sources: {x.GetRawText()} is not one of {string.Join(", ", _sources)}");
                        }
                        else
                        {
                            sources.Add(name);
                        }
                    }
                }
            }

            DateTimeOffset at = default;
            if (!root.TryGetProperty("at", out var t) || t.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            {
                list.Add("$.at: required ISO 8601 instant");
            }

            long? rejected = null;
            if (root.TryGetProperty("rejectedVersion", out var rv) && rv.ValueKind != JsonValueKind.Null)
            {
                if (rv.ValueKind == JsonValueKind.Number && rv.TryGetInt64(out var r) && r >= 1)
                {
                    rejected = r;
                }
                else
                {
                    list.Add("$.rejectedVersion: must be an integer of at least 1");
                }
            }

            string? reason = null;
            if (root.TryGetProperty("rejectedReason", out var rr) && rr.ValueKind != JsonValueKind.Null)
            {
                reason = rr.ValueKind == JsonValueKind.String ? rr.GetString() : null;
                if (reason is null || reason.Length > MaxReasonChars)
                {
                    list.Add($"$.rejectedReason: must be a string of at most {MaxReasonChars} characters");
                }
            }

            return list.Count == 0
                ? new ReportedState(gateway!, applied, on!.Value, sources, at.ToUniversalTime(), rejected, reason)
                : null;
        }
    }
}
