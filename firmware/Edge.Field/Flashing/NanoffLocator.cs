namespace Edge.Field.Flashing;

/// <summary>
/// Finds the <c>nanoff</c> executable: on PATH, else where <c>dotnet tool install -g nanoff</c> puts it
/// (~/.dotnet/tools), which is often not on PATH on Linux.
/// </summary>
public sealed class NanoffLocator(string? pathVariable, string? homeDirectory)
{
    /// <summary>How to install nanoff, for messages.</summary>
    public const string InstallHint =
        "install it with: dotnet tool install -g nanoff (and put ~/.dotnet/tools on PATH)";

    private readonly string? _pathVariable = pathVariable;
    private readonly string? _homeDirectory = homeDirectory;

    /// <summary>A locator over this process's PATH and home directory.</summary>
    public static NanoffLocator FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("PATH"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The full path of nanoff, or null when it is not installed.</summary>
    public string? Find()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "nanoff.exe", "nanoff.cmd" } : ["nanoff"];
        var directories = (_pathVariable ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        if (!string.IsNullOrEmpty(_homeDirectory))
        {
            directories.Add(Path.Combine(_homeDirectory, ".dotnet", "tools"));
        }

        foreach (var directory in directories)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
