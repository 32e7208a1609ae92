using System.Text.Json;

namespace Edge.Ingest.Apis;

/// <summary>The body of <c>POST /v1/alarms/{id}/acknowledge</c> and <c>/clear</c>.</summary>
/// <param name="Operator">Who acts (1-100 characters).</param>
/// <param name="Note">Acknowledge only: a note kept with the change (at most 500 characters).</param>
public sealed record AlarmCommand(string Operator, string? Note = null)
{
    /// <summary>Longest operator name.</summary>
    public const int MaxOperator = 100;

    /// <summary>Longest note.</summary>
    public const int MaxNote = 500;

    /// <summary>Largest body read.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>
    /// Parses <paramref name="body"/> strictly: a JSON object with <c>operator</c> and, when <paramref name="allowNote"/>,
    /// an optional <c>note</c>; nothing else. Returns null with every defect in <paramref name="errors"/>.
    /// </summary>
    public static AlarmCommand? Parse(ReadOnlyMemory<byte> body, bool allowNote, out bool malformed, out IReadOnlyList<string> errors)
    {
        var found = new List<string>();
        malformed = false;
        errors = found;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            malformed = true;
            found.Add($"The body is not valid JSON: {ex.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                found.Add("The body must be a JSON object.");
                return null;
            }

            string? operatorId = null;
            string? note = null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("operator"))
                {
                    operatorId = Text(property, MaxOperator, found);
                }
                else if (allowNote && property.NameEquals("note"))
                {
                    note = property.Value.ValueKind == JsonValueKind.Null ? null : Text(property, MaxNote, found);
                }
                else
                {
                    found.Add($"$.{property.Name}: not a member of this command.");
                }
            }

            if (!root.TryGetProperty("operator", out _))
            {
                found.Add("$.operator: required.");
            }

            return found.Count == 0 ? new AlarmCommand(operatorId!, note) : null;
        }
    }

    private static string? Text(JsonProperty property, int max, List<string> errors)
    {
        var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            errors.Add($"$.{property.Name}: a string of 1 to {max} characters, not only spaces.");
            return null;
        }

        return value;
    }
}
