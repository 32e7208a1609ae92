using Edge.Ingest.Storage;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Storage;

/// <summary><c>Edge:Ingest:Storage</c>: SQLite unless PostgreSQL is asked for, and a clear message when it is asked badly.</summary>
public sealed class IngestStorageOptionsTests
{
    [Fact]
    public void Validate_NothingConfigured_SqliteAccepted()
    {
        var options = new IngestOptions();

        Assert.True(options.Storage.IsSqlite);
        Assert.True(new IngestOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("mysql", null, "Storage:Provider must be sqlite or postgres, not 'mysql'")]
    [InlineData("postgres", null, "Storage:ConnectionString must be set when Storage:Provider is postgres")]
    [InlineData("Postgres", "Hots=db", "Storage:ConnectionString is not a valid PostgreSQL connection string")]
    public void Validate_BadStorage_FailsNamingIt(string provider, string? connectionString, string expected)
    {
        var options = new IngestOptions();
        options.Storage.Provider = provider;
        options.Storage.ConnectionString = connectionString;

        var result = new IngestOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_NothingConfigured_SqliteStore()
    {
        using var dir = new TempDirectory();
        using var app = new IngestAppFactory(dir.DatabasePath);

        Assert.IsType<SqliteIngestStore>(app.Services.GetRequiredService<IIngestStore>());
    }
}
