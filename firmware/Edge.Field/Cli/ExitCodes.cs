namespace Edge.Field.Cli;

/// <summary>Exit codes of edge-field.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command line could not be parsed (System.CommandLine's own code).</summary>
    public const int Usage = 1;

    /// <summary>The input is wrong: a malformed frame, unreadable input, invalid settings or flash options.</summary>
    public const int InvalidInput = 2;

    /// <summary>nanoff is not installed.</summary>
    public const int NanoffMissing = 3;

    /// <summary>nanoff ran and failed, or could not be started.</summary>
    public const int NanoffFailed = 4;
}
