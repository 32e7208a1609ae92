using Edge.Ingest.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Storage;

/// <summary>Registers the store that <see cref="IngestStorageOptions.Provider"/> names.</summary>
public static class IngestStoreRegistration
{
    /// <summary>
    /// Adds <see cref="IIngestStore"/> (SQLite or PostgreSQL, chosen when first resolved, after the options were
    /// validated), its start-up initialisation and its health check.
    /// </summary>
    public static IServiceCollection AddIngestStore(this IServiceCollection services)
    {
        services.AddSingleton<IIngestStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<IngestOptions>>();
            var storage = options.Value.Storage;
            return storage.IsPostgres
                ? new PostgresIngestStore(storage.ConnectionString!, provider.GetRequiredService<TimeProvider>())
                : new SqliteIngestStore(options, provider.GetRequiredService<IHostEnvironment>());
        });
        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("database");
        return services;
    }
}
