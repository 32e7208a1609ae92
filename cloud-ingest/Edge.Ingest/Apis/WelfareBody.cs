using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Reading and checking the JSON bodies of the welfare service's commands: one place for the media type, size and shape.</summary>
public static class WelfareBody
{
    /// <summary>Largest body read.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The body, or null when it is not JSON or too large (<see cref="Refusal"/> then says which).</summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasJsonContentType() ? await BatchBodyReader.ReadAsync(request, MaxBytes, cancellationToken) : null;
    }

    /// <summary>415 for a body that is not JSON, else 413.</summary>
    public static ProblemHttpResult Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasJsonContentType()
            ? Problems.BodyTooLarge($"The body is larger than {MaxBytes} bytes.")
            : Problems.UnsupportedContentType($"The body must be application/json, not {DetailText.Quote(request.ContentType ?? "(none)")}.");
    }

    /// <summary>
    /// Parses <paramref name="body"/> as a JSON object whose only member is <paramref name="member"/> (required), and
    /// returns that member's value (cloned), or null with the defects in <paramref name="errors"/>.
    /// </summary>
    public static JsonElement? Member(ReadOnlyMemory<byte> body, string member, out bool malformed, out List<string> errors)
    {
        errors = [];
        malformed = false;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            malformed = true;
            errors.Add($"The body is not valid JSON: {ex.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("The body must be a JSON object.");
                return null;
            }

            foreach (var property in root.EnumerateObject().Where(p => !p.NameEquals(member)))
            {
                errors.Add($"$.{property.Name}: not a member of this request.");
            }

            if (!root.TryGetProperty(member, out var value))
            {
                errors.Add($"$.{member}: required.");
            }

            return errors.Count == 0 ? value.Clone() : null;
        }
    }
}
