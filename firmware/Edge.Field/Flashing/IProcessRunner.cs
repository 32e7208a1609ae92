namespace Edge.Field.Flashing;

/// <summary>Runs an external program and streams what it prints.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/>, copying its standard output and
    /// error to <paramref name="output"/> and <paramref name="error"/> as they arrive; returns its exit code.
    /// Throws <see cref="System.ComponentModel.Win32Exception"/> when it cannot be started.
    /// </summary>
    Task<int> RunAsync(string fileName, IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
