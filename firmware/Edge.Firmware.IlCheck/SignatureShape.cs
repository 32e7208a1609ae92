namespace Edge.Firmware.IlCheck;

/// <summary>
/// A type decoded from a metadata signature: a readable name and the constructs inside it that
/// nanoFramework cannot run (generic instantiations, arrays with an <c>ArrayShape</c>).
/// </summary>
internal sealed class SignatureShape
{
    private SignatureShape(string name, IReadOnlyList<string> problems)
    {
        Name = name;
        Problems = problems;
    }

    /// <summary>Readable name, e.g. <c>System.Collections.Generic.List`1&lt;int&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>What makes the type unusable on the device, innermost first; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>A type without problems of its own.</summary>
    public static SignatureShape Plain(string name) => new(name, []);

    /// <summary>A type built from <paramref name="parts"/>, inheriting their problems, plus an optional one of its own.</summary>
    public static SignatureShape Composed(string name, IEnumerable<SignatureShape> parts, string? problem)
    {
        var problems = new List<string>();
        foreach (var part in parts)
        {
            problems.AddRange(part.Problems);
        }

        if (problem is not null)
        {
            problems.Add(problem);
        }

        return problems.Count == 0 ? Plain(name) : new SignatureShape(name, problems);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
