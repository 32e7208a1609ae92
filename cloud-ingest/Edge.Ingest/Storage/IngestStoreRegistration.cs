using Edge.Ingest.Registry;
using Edge.Ingest.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Storage;

/// <summary>Registers the store that <see cref="IngestStorageOptions.Provider"/> names.</summary>
public static class IngestStoreRegistration
{
    /// <summary>
    /// Adds <see cref="IIngestStore"/> (SQLite or PostgreSQL, chosen when first resolved, after the options were
    /// validated), its start-up initialisation and its health check, and the device registry kept in it (with its seed).
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
        services.AddSingleton(provider => (IRegistryStore)provider.GetRequiredService<IIngestStore>());
        services.AddSingleton(provider => (IGatewayControlStore)provider.GetRequiredService<IIngestStore>());
        services.AddSingleton(DeviceRegistrationValidator.Tokyo);
        services.AddSingleton<StoreDeviceRegistry>();
        services.AddSingleton<IDeviceRegistry>(provider => provider.GetRequiredService<StoreDeviceRegistry>());

        // Hosted services start in order: the schema first, then the seed.
        services.AddHostedService<StoreInitializer>();
        services.AddHostedService<RegistrySeeder>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("database");
        return services;
    }
}
