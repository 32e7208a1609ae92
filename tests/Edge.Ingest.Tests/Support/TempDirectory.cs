namespace Edge.Ingest.Tests.Support;

/// <summary>A fresh folder for one test's database, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty folder under the system temp folder.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edge-ingest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A database path inside a not yet existing sub-folder, so that creating it is tested too.</summary>
    public string DatabasePath => System.IO.Path.Combine(Path, "data", "ingest.db");

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not fail the test.
        }
    }
}
