namespace Edge.Ingest;

/// <summary>Helpers for the human-readable <c>detail</c> of problem responses.</summary>
public static class DetailText
{
    private const int MaxQuotedLength = 64;

    /// <summary>Quotes a caller-supplied value, shortened so that a detail stays readable.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        return value.Length <= MaxQuotedLength
            ? $"'{value}'"
            : $"'{value[..MaxQuotedLength]}…' ({value.Length} characters)";
    }
}
