using System.CommandLine;

namespace Edge.Field.Cli;

/// <summary>The <c>edge-field</c> command line: decode, flash, config.</summary>
public sealed class FieldCli(FieldEnvironment environment)
{
    private readonly FieldEnvironment _environment = environment;

    /// <summary>The root command with all subcommands.</summary>
    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand("edge-field: the field technician's tool for Edge meter nodes (decode frames, flash, provisioning settings)");
        root.Subcommands.Add(DecodeCommand.Create(_environment));
        root.Subcommands.Add(FlashCommand.Create(_environment));
        root.Subcommands.Add(ConfigCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command, writing to the given writers; returns the exit code.</summary>
    public Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // No response files: "decode @frame.bin" names a frame file, not more arguments.
        var parseResult = CreateRootCommand().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
