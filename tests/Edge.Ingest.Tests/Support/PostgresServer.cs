using Npgsql;

namespace Edge.Ingest.Tests.Support;

/// <summary>
/// The PostgreSQL server of a test run, shared by the <see cref="PostgresCollection"/>: the one that <c>EDGE_PG</c>
/// (a connection string with rights to create databases) names, or else a <see cref="ThrowawayPostgres"/> started
/// once for the run. It never skips: when no server can be had, every PostgreSQL test fails with the reason and the
/// server log, under CI and elsewhere alike.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly ThrowawayPostgres? _cluster;

    /// <summary>Connects to <c>EDGE_PG</c> or starts a throwaway cluster.</summary>
    public PostgresServer()
    {
        var configured = Environment.GetEnvironmentVariable("EDGE_PG");
        if (string.IsNullOrWhiteSpace(configured))
        {
            _cluster = ThrowawayPostgres.Start();
            AdminConnectionString = _cluster.ConnectionString;
        }
        else
        {
            AdminConnectionString = configured;
        }
    }

    /// <summary>Connection string of the maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"edge_test_{Guid.NewGuid():N}";
        await using (var db = new NpgsqlConnection(AdminConnectionString))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", db);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing what is still connected.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var db = new NpgsqlConnection(AdminConnectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", db);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the throwaway cluster, if one was started.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster?.Dispose();
    }
}
