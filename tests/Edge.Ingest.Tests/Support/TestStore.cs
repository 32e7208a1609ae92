using Edge.Ingest.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Tests.Support;

/// <summary>Creates the SQLite store directly, without the web app.</summary>
public static class TestStore
{
    /// <summary>A store on <paramref name="path"/> with default options.</summary>
    public static SqliteIngestStore Create(string path) =>
        new(Options.Create(new IngestOptions { DatabasePath = path }), new TestEnvironment());

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Edge.Ingest.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
