using Edge.Field.Cli;
using Edge.Field.Flashing;

namespace Edge.Field.Tests.Support;

/// <summary>Runs edge-field in-process with arguments, captured output and a controlled environment.</summary>
public static class CliRun
{
    /// <summary>An environment with no nanoff, no standard input and a runner that must not be called.</summary>
    public static FieldEnvironment Environment(
        byte[]? stdin = null, NanoffLocator? nanoff = null, IProcessRunner? runner = null) => new()
    {
        OpenStandardInput = () => new MemoryStream(stdin ?? []),
        Nanoff = nanoff ?? new NanoffLocator(pathVariable: string.Empty, homeDirectory: null),
        Runner = runner ?? new FakeRunner(exitCode: 99),
    };

    /// <summary>Invokes the root command; returns the exit code and what went to stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(FieldEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new FieldCli(environment).InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Invokes with <see cref="Environment"/>'s defaults.</summary>
    public static Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args) =>
        InvokeAsync(Environment(), args);
}
