using Edge.Field.Flashing;

namespace Edge.Field.Tests.Support;

/// <summary>A process runner that records its call, prints a line and returns a fixed exit code.</summary>
public sealed class FakeRunner(int exitCode, Exception? startFailure = null) : IProcessRunner
{
    public string? FileName { get; private set; }

    public IReadOnlyList<string>? Arguments { get; private set; }

    public async Task<int> RunAsync(string fileName, IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (startFailure is not null)
        {
            throw startFailure;
        }

        FileName = fileName;
        Arguments = arguments;
        await output.WriteLineAsync("fake nanoff output");
        return exitCode;
    }
}
