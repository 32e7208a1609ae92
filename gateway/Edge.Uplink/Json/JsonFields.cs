using System.Text;
using System.Text.Json;

namespace Edge.Uplink.Json;

/// <summary>Typed, validated access to the fields of a JSON object; every defect names its JSON path.</summary>
internal readonly struct JsonFields
{
    private readonly JsonElement _element;
    private readonly string _path;

    public JsonFields(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object, found {element.ValueKind}");
        }

        _element = element;
        _path = path;
    }

    public static BatchFormatException Error(string path, string what) => new($"JSON batch: {what} at {path}");

    public string Path(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public JsonElement Required(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            throw Error(_path.Length == 0 ? "$" : _path, $"missing field '{name}'");
        }

        return value.ValueKind == kind ? value : throw Error(Path(name), $"expected {kind}, found {value.ValueKind}");
    }

    /// <summary>An array field; a missing one is empty when <paramref name="optional"/>.</summary>
    public JsonElement.ArrayEnumerator Array(string name, int max, bool optional = false)
    {
        if (optional && !_element.TryGetProperty(name, out _))
        {
            return default;
        }

        var array = Required(name, JsonValueKind.Array);
        var length = array.GetArrayLength();
        return length <= max ? array.EnumerateArray() : throw Error(Path(name), $"{length} items exceed the limit of {max}");
    }

    public string String(string name, int maxBytes, bool allowEmpty) =>
        CheckText(Text(Required(name, JsonValueKind.String), Path(name)), Path(name), maxBytes, allowEmpty);

    public string? OptionalString(string name, int maxBytes)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? CheckText(Text(value, Path(name)), Path(name), maxBytes, allowEmpty: true)
            : throw Error(Path(name), $"expected String or Null, found {value.ValueKind}");
    }

    public long Int64(string name) => Required(name, JsonValueKind.Number).TryGetInt64(out var value)
        ? value
        : throw Error(Path(name), "expected a 64-bit integer");

    public int Int32(string name) => Required(name, JsonValueKind.Number).TryGetInt32(out var value)
        ? value
        : throw Error(Path(name), "expected a 32-bit integer");

    public long Time(string name)
    {
        var text = Text(Required(name, JsonValueKind.String), Path(name));
        var error = IsoTime.TryParse(text, out var unixMs);
        return error is null ? unixMs : throw Error(Path(name), $"time '{text}' {error}");
    }

    /// <summary>An optional time field; absent or null gives null.</summary>
    public long? OptionalTime(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Time(name) : null;

    /// <summary>The string value; an escaped lone surrogate (e.g. "\uD800") is a format error, not a crash.</summary>
    public static string Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new BatchFormatException($"JSON batch: text is not valid Unicode at {path}", ex);
        }
    }

    public static string CheckText(string text, string path, int maxBytes, bool allowEmpty)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > maxBytes)
        {
            throw Error(path, $"text of {bytes} UTF-8 bytes exceeds the limit of {maxBytes}");
        }

        return bytes == 0 && !allowEmpty ? throw Error(path, "text is empty") : text;
    }
}
