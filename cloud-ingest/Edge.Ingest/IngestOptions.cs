using Edge.Ingest.Apis;
using Edge.Ingest.Auth;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest;

/// <summary>Settings of the ingest service, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class IngestOptions
{
    /// <summary>Configuration section the options are bound from.</summary>
    public const string SectionName = "Edge:Ingest";

    /// <summary>Which database to use (<c>Edge:Ingest:Storage:Provider</c>, <c>ConnectionString</c>); SQLite by default.</summary>
    public IngestStorageOptions Storage { get; } = new();

    /// <summary>The device registry (<c>Edge:Ingest:Registry:SeedFile</c>).</summary>
    public RegistryOptions Registry { get; } = new();

    /// <summary>SQLite database file; a relative path is resolved against the content root. Its folder is created.</summary>
    public string DatabasePath { get; set; } = "./data/ingest.db";

    /// <summary>API keys that may call the service, each with its role.</summary>
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Largest request body accepted on <c>POST /v1/batches</c>, in bytes (default 8 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest number of readings accepted in one batch.</summary>
    public int MaxReadingsPerBatch { get; set; } = 500_000;

    /// <summary>Per-gateway rate limit of <c>POST /v1/batches</c> (<c>Edge:Ingest:RateLimit</c>).</summary>
    public RateLimitOptions RateLimit { get; } = new();

    /// <summary>How far ahead of the server clock a reading's observed time may be before the reading is set aside.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(10);
}
