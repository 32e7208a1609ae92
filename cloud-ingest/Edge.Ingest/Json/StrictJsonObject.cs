using System.Globalization;
using System.Text.Json;

namespace Edge.Ingest.Json;

/// <summary>
/// Reads the members of one JSON object strictly: each member is read by name with its expected type, and
/// <see cref="RejectUnknownMembers"/> reports any member nobody asked for, so that a misspelt field is an error
/// rather than silently ignored. Every defect is added to a shared error list with its path; reading goes on, so a
/// caller gets all defects of a document at once.
/// </summary>
public sealed class StrictJsonObject
{
    private readonly JsonElement _element;
    private readonly List<JsonPathError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private StrictJsonObject(JsonElement element, string path, List<JsonPathError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    /// <summary>Path of this object.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="element"/> as an object; adds an error and returns null when it is not one.</summary>
    public static StrictJsonObject? Open(JsonElement element, string path, List<JsonPathError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new JsonPathError(path, $"Expected an object, found {Describe(element)}."));
            return null;
        }

        return new StrictJsonObject(element, path, errors);
    }

    /// <summary>A required non-empty string.</summary>
    public string? RequiredString(string name) => String(name, required: true);

    /// <summary>An optional string; null when absent or JSON null.</summary>
    public string? OptionalString(string name) => String(name, required: false);

    /// <summary>A required number, read exactly as a decimal (no binary rounding).</summary>
    public decimal? RequiredDecimal(string name) => Number(name, required: true);

    /// <summary>An optional number, read exactly as a decimal.</summary>
    public decimal? OptionalDecimal(string name) => Number(name, required: false);

    /// <summary>An optional integer.</summary>
    public int? OptionalInt(string name)
    {
        var value = Number(name, required: false);
        if (value is { } v && (v != decimal.Truncate(v) || v is < int.MinValue or > int.MaxValue))
        {
            Error(name, $"Expected a whole number, found {v.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return (int?)value;
    }

    /// <summary>An optional boolean.</summary>
    public bool? OptionalBool(string name)
    {
        if (!TryMember(name, required: false, out var member))
        {
            return null;
        }

        if (member.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return member.GetBoolean();
        }

        Error(name, $"Expected true or false, found {Describe(member)}.");
        return null;
    }

    /// <summary>A required (or optional) nested object.</summary>
    public StrictJsonObject? Object(string name, bool required) =>
        TryMember(name, required, out var member) ? Open(member, Child(name), _errors) : null;

    /// <summary>The elements of a required (or optional) array, each with its path; empty when absent or not an array.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> Array(string name, bool required)
    {
        if (!TryMember(name, required, out var member))
        {
            return [];
        }

        if (member.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"Expected an array, found {Describe(member)}.");
            return [];
        }

        var path = Child(name);
        return [.. member.EnumerateArray().Select((e, i) => (e, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")))];
    }

    /// <summary>Adds an error about member <paramref name="name"/> of this object.</summary>
    public void Error(string name, string message) => _errors.Add(new JsonPathError(Child(name), message));

    /// <summary>Adds an error for every member that was not read.</summary>
    public void RejectUnknownMembers()
    {
        foreach (var member in _element.EnumerateObject())
        {
            if (!_read.Contains(member.Name))
            {
                Error(member.Name, "Unknown member; check its spelling and case.");
            }
        }
    }

    /// <summary>Path of member <paramref name="name"/>.</summary>
    public string Child(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{Path}.{name}" : $"{Path}['{name}']";

    private string? String(string name, bool required)
    {
        if (!TryMember(name, required, out var member))
        {
            return null;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            Error(name, $"Expected a string, found {Describe(member)}.");
            return null;
        }

        var value = member.GetString()!;
        if (required && value.Length == 0)
        {
            Error(name, "Must not be empty.");
            return null;
        }

        return value;
    }

    private decimal? Number(string name, bool required)
    {
        if (!TryMember(name, required, out var member))
        {
            return null;
        }

        if (member.ValueKind != JsonValueKind.Number)
        {
            Error(name, $"Expected a number, found {Describe(member)}.");
            return null;
        }

        if (!member.TryGetDecimal(out var value))
        {
            Error(name, $"The number {member.GetRawText()} is out of range.");
            return null;
        }

        return value;
    }

    private bool TryMember(string name, bool required, out JsonElement member)
    {
        _read.Add(name);
        if (_element.TryGetProperty(name, out member) && member.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(name, "Required member is missing.");
        }

        return false;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
