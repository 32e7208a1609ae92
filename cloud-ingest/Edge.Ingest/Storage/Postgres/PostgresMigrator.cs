using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>
/// Applies the migrations of <see cref="PostgresSchema"/> that <c>schema_migrations</c> does not list yet. All of it runs
/// in one transaction under a transaction-level advisory lock, so ingest nodes starting at once apply each migration
/// exactly once (the others wait, then find nothing to do), and a failed migration leaves no trace (PostgreSQL DDL is
/// transactional).
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>Advisory lock class of this store ("EDGE"); the second key names the resource.</summary>
    public const int LockClass = 0x45444745;

    /// <summary>Advisory lock key of the migrations.</summary>
    public const int MigrationsLock = 1;

    /// <summary>Brings the database to <see cref="PostgresSchema.LatestVersion"/>; refuses a newer database.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(db, transaction, $"SELECT pg_advisory_xact_lock({LockClass}, {MigrationsLock})", cancellationToken);
        await ExecuteAsync(db, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     int         PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", db, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        if (applied.Count > 0 && applied.Max() > PostgresSchema.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database {DetailText.Quote(db.Database)} has schema version {applied.Max()}; this build knows up to {PostgresSchema.LatestVersion}.");
        }

        foreach (var (version, description, sql) in PostgresSchema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(db, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)", db, transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = description });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, db, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
