using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edge.Uplink.Control;

/// <summary>
/// Reads and writes the JSON form of <see cref="DesiredConfig"/> (CONTROL.md). Reading is strict: unknown members,
/// wrong types and values out of <see cref="ControlLimits"/> are errors, each named by its JSON path, and a document
/// with any error yields nothing.
/// </summary>
public static class DesiredConfigJson
{
    // Non-ASCII text (a reason in Japanese) as UTF-8, not \u escapes: a third of the bytes in an MT message.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses a whole document (version required).</summary>
    public static DesiredConfig? Parse(ReadOnlySpan<byte> utf8, out IReadOnlyList<string> errors) =>
        Parse(utf8, requireVersion: true, out errors);

    /// <summary>Parses a document; without <paramref name="requireVersion"/> a missing version reads as 0 (the ingest assigns one).</summary>
    public static DesiredConfig? Parse(ReadOnlySpan<byte> utf8, bool requireVersion, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        if (utf8.Length > ControlLimits.MaxDocumentBytes)
        {
            list.Add($"$: the document is {utf8.Length} bytes; at most {ControlLimits.MaxDocumentBytes} are accepted");
            return null;
        }

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

            Unknown(root, "$", list, "version", "disasterMode", "normal", "disaster");
            long version = 0;
            if (root.TryGetProperty("version", out var v))
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out version) || version < 1)
                {
                    list.Add("$.version: must be an integer of at least 1");
                }
            }
            else if (requireVersion)
            {
                list.Add("$.version: required");
            }

            var disaster = root.TryGetProperty("disasterMode", out var d) ? ReadSwitch(d, list) : Missing("$.disasterMode", list);
            var normalProfile = root.TryGetProperty("normal", out var n) ? ReadProfile(n, "$.normal", list) : null;
            var disasterProfile = root.TryGetProperty("disaster", out var p) ? ReadProfile(p, "$.disaster", list) : null;
            return list.Count == 0 && disaster is not null ? new DesiredConfig(version, disaster, normalProfile, disasterProfile) : null;
        }
    }

    /// <summary>The document as compact UTF-8 JSON (no whitespace, members in a fixed order, absent values left out).</summary>
    public static byte[] Write(DesiredConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteNumber("version", config.Version);
            json.WriteStartObject("disasterMode");
            json.WriteBoolean("on", config.DisasterMode.On);
            if (config.DisasterMode.Since is { } since)
            {
                json.WriteString("since", since.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            if (config.DisasterMode.Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }

            json.WriteEndObject();
            WriteProfile(json, "normal", config.Normal);
            WriteProfile(json, "disaster", config.Disaster);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteProfile(Utf8JsonWriter json, string name, ControlProfile? profile)
    {
        if (profile is null)
        {
            return;
        }

        json.WriteStartObject(name);
        if (profile.SamplingSeconds is { } s)
        {
            json.WriteNumber("samplingSeconds", s);
        }

        if (profile.ReportingSeconds is { } r)
        {
            json.WriteNumber("reportingSeconds", r);
        }

        if (profile.Classes.Count > 0)
        {
            json.WriteStartObject("classes");
            foreach (var (key, c) in profile.Classes.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(key);
                if (c.TtlDays is { } ttl)
                {
                    json.WriteNumber("ttlDays", ttl);
                }

                if (c.Share is { } share)
                {
                    json.WriteNumber("share", share);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (profile.Links.Count > 0)
        {
            json.WriteStartObject("links");
            foreach (var (key, l) in profile.Links.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(key);
                if (l.Allow is { } allow)
                {
                    json.WriteStartArray("allow");
                    foreach (var a in allow)
                    {
                        json.WriteStringValue(a);
                    }

                    json.WriteEndArray();
                }

                if (l.DailyBytes is { } day)
                {
                    json.WriteNumber("dailyBytes", day);
                }

                if (l.MonthlyBytes is { } month)
                {
                    json.WriteNumber("monthlyBytes", month);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static DisasterModeSetting? Missing(string path, List<string> errors)
    {
        errors.Add($"{path}: required");
        return null;
    }

    private static DisasterModeSetting? ReadSwitch(JsonElement e, List<string> errors)
    {
        const string path = "$.disasterMode";
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be an object {{\"on\": true|false, \"since\"?, \"reason\"?}}");
            return null;
        }

        Unknown(e, path, errors, "on", "since", "reason");
        bool? on = e.TryGetProperty("on", out var o) && o.ValueKind is JsonValueKind.True or JsonValueKind.False ? o.GetBoolean() : null;
        if (on is null)
        {
            errors.Add($"{path}.on: required, true or false");
        }

        DateTimeOffset? since = null;
        if (e.TryGetProperty("since", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && s.GetString()!.Contains('T', StringComparison.Ordinal))
            {
                since = at.ToUniversalTime();
            }
            else
            {
                errors.Add($"{path}.since: must be an ISO 8601 instant such as 2026-11-26T04:00:00Z");
            }
        }

        string? reason = null;
        if (e.TryGetProperty("reason", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            reason = r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (reason is null || reason.Length > ControlLimits.MaxReasonChars)
            {
                errors.Add($"{path}.reason: must be a string of at most {ControlLimits.MaxReasonChars} characters");
                reason = null;
            }
        }

        return on is { } value ? new DisasterModeSetting(value, since, reason) : null;
    }

    private static ControlProfile? ReadProfile(JsonElement e, string path, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be an object");
            return null;
        }

        Unknown(e, path, errors, "samplingSeconds", "reportingSeconds", "classes", "links");
        var sampling = Int(e, "samplingSeconds", path, ControlLimits.MinIntervalSeconds, ControlLimits.MaxSamplingSeconds, errors);
        var reporting = Int(e, "reportingSeconds", path, ControlLimits.MinIntervalSeconds, ControlLimits.MaxReportingSeconds, errors);
        if (sampling is { } sa && reporting is { } re && re < sa)
        {
            errors.Add($"{path}.reportingSeconds: {re} is shorter than samplingSeconds {sa}");
        }

        var classes = new Dictionary<string, ClassSetting>(StringComparer.Ordinal);
        if (e.TryGetProperty("classes", out var c))
        {
            foreach (var (name, item) in Members(c, path + ".classes", errors))
            {
                var at = $"{path}.classes.{name}";
                if (!ControlLimits.StoreClasses.Contains(name))
                {
                    errors.Add($"{at}: unknown class; one of {string.Join(", ", ControlLimits.StoreClasses)}");
                    continue;
                }

                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{at}: must be an object");
                    continue;
                }

                Unknown(item, at, errors, "ttlDays", "share");
                var ttl = Number(item, "ttlDays", at, errors);
                if (ttl is { } t && (t <= 0 || t > ControlLimits.MaxTtlDays))
                {
                    errors.Add($"{at}.ttlDays: must be above 0 and at most {ControlLimits.MaxTtlDays}");
                }

                var share = Number(item, "share", at, errors);
                if (share is { } sh && (sh < 0 || sh > 1))
                {
                    errors.Add($"{at}.share: must be between 0 and 1");
                }

                classes[name] = new ClassSetting(ttl, share);
            }
        }

        var links = new Dictionary<string, LinkOverride>(StringComparer.Ordinal);
        if (e.TryGetProperty("links", out var l))
        {
            foreach (var (name, item) in Members(l, path + ".links", errors))
            {
                var at = $"{path}.links.{name}";
                if (!ControlLimits.IsLinkName(name))
                {
                    errors.Add($"{at}: a link name is 1-32 of a-z, 0-9 and '-'");
                    continue;
                }

                if (ReadLink(item, at, errors) is { } link)
                {
                    links[name] = link;
                }
            }
        }

        return new ControlProfile(sampling, reporting, classes, links);
    }

    private static LinkOverride? ReadLink(JsonElement item, string at, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: must be an object");
            return null;
        }

        Unknown(item, at, errors, "allow", "dailyBytes", "monthlyBytes");
        List<string>? allow = null;
        if (item.TryGetProperty("allow", out var a))
        {
            allow = [];
            if (a.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{at}.allow: must be an array of class names");
            }
            else
            {
                foreach (var x in a.EnumerateArray())
                {
                    var name = x.ValueKind == JsonValueKind.String ? x.GetString()! : "";
                    if (!ControlLimits.TrafficClasses.Contains(name))
                    {
                        errors.Add($"{at}.allow: {x.GetRawText()} is not one of {string.Join(", ", ControlLimits.TrafficClasses)}");
                    }
                    else if (!allow.Contains(name))
                    {
                        allow.Add(name);
                    }
                }
            }
        }

        var day = Long(item, "dailyBytes", at, errors);
        var month = Long(item, "monthlyBytes", at, errors);
        return new LinkOverride(allow, day, month);
    }

    private static IEnumerable<(string Name, JsonElement Value)> Members(JsonElement e, string path, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be an object");
            return [];
        }

        return [.. e.EnumerateObject().Select(p => (p.Name, p.Value))];
    }

    private static int? Int(JsonElement e, string name, string path, int min, int max, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max)
        {
            return i;
        }

        errors.Add($"{path}.{name}: must be an integer from {min} to {max}");
        return null;
    }

    private static long? Long(JsonElement e, string name, string path, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) && i >= 0)
        {
            return i;
        }

        errors.Add($"{path}.{name}: must be an integer of at least 0");
        return null;
    }

    private static double? Number(JsonElement e, string name, string path, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d))
        {
            return d;
        }

        errors.Add($"{path}.{name}: must be a number");
        return null;
    }

    private static void Unknown(JsonElement e, string path, List<string> errors, params string[] known)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                errors.Add($"{path}.{p.Name}: unknown member; allowed: {string.Join(", ", known)}");
            }
        }
    }
}
