namespace Edge.Ingest.Json;

/// <summary>A defect of a JSON document, named by where it is (RFC 9535 normalized path, e.g. <c>$['devices'][2]['unit']</c>
/// written in the shorter dot form <c>$.devices[2].unit</c>).</summary>
/// <param name="Path">Where the defect is.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record JsonPathError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
