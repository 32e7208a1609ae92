namespace Edge.Ingest.Storage;

/// <summary>Which database the ingest stores into: <c>Edge:Ingest:Storage</c>.</summary>
public sealed class IngestStorageOptions
{
    /// <summary>The embedded default: one SQLite file at <see cref="IngestOptions.DatabasePath"/>.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>PostgreSQL at <see cref="ConnectionString"/>.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>, in any letter case.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Npgsql connection string, required for <c>postgres</c>, e.g. <c>Host=db;Database=edge;Username=ingest</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when <see cref="Provider"/> names PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <see cref="Provider"/> names SQLite.</summary>
    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
