namespace Edge.Ingest.Tests.Support;

/// <summary>Test classes that use PostgreSQL: one <see cref="PostgresServer"/> for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>Name of the collection.</summary>
    public const string Name = "postgres";
}
