using Edge.Field.Flashing;

namespace Edge.Field.Cli;

/// <summary>What edge-field needs from the outside world; tests replace the parts.</summary>
public sealed class FieldEnvironment
{
    /// <summary>Opens standard input (for <c>decode -</c>).</summary>
    public required Func<Stream> OpenStandardInput { get; init; }

    /// <summary>Finds nanoff.</summary>
    public required NanoffLocator Nanoff { get; init; }

    /// <summary>Runs nanoff.</summary>
    public required IProcessRunner Runner { get; init; }

    /// <summary>This process's standard input, PATH and home directory, and real processes.</summary>
    public static FieldEnvironment FromProcess() => new()
    {
        OpenStandardInput = Console.OpenStandardInput,
        Nanoff = NanoffLocator.FromEnvironment(),
        Runner = new ProcessRunner(),
    };
}
