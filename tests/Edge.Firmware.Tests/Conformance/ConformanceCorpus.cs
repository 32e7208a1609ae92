using System.Text.Json;

namespace Edge.Firmware.Tests.Conformance;

/// <summary>
/// Finds the shared conformance corpus (../shared/conformance from the repository root, or
/// EDGE_CONFORMANCE_DIR) and reads its JSON-lines files. The corpus is never copied into the repository.
/// </summary>
public static class ConformanceCorpus
{
    /// <summary>Environment variable that overrides the corpus location.</summary>
    public const string EnvironmentVariable = "EDGE_CONFORMANCE_DIR";

    private static readonly Lazy<string> _directory = new(Locate);

    /// <summary>The corpus folder (it may not exist).</summary>
    public static string Directory => _directory.Value;

    /// <summary>True when the corpus folder exists.</summary>
    public static bool Available => System.IO.Directory.Exists(Directory);

    /// <summary>True when running under CI (env CI=true), where a missing corpus is a failure.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message for a missing corpus.</summary>
    public static string MissingMessage => "conformance corpus not found at " + Directory + " (set " + EnvironmentVariable + ")";

    /// <summary>Fails the calling test with <see cref="MissingMessage"/> when the corpus is missing.</summary>
    public static void Require()
    {
        if (!Available)
        {
            Assert.Fail(MissingMessage);
        }
    }

    /// <summary>The lines of a corpus file parsed as JSON, empty when the corpus is missing.</summary>
    public static IReadOnlyList<JsonElement> Lines(string file)
    {
        var path = Path.Combine(Directory, file);
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToArray();
    }

    /// <summary>
    /// Theory rows: one line number per corpus line, or a single row -1 when the corpus is missing, so the
    /// test runs and <see cref="Require"/> fails it under CI (outside CI the attribute skips it).
    /// </summary>
    public static TheoryData<int> LineNumbers(string file)
    {
        var data = new TheoryData<int>();
        var count = Lines(file).Count;
        if (count == 0)
        {
            data.Add(-1);
        }

        for (var i = 1; i <= count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>Line <paramref name="number"/> (1-based) of a corpus file; fails the test when the corpus is missing.</summary>
    public static JsonElement Line(string file, int number)
    {
        Require();
        return Lines(file)[number - 1];
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? System.IO.Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance"));
    }
}
