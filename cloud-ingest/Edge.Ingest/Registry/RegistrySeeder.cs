using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Registry;

/// <summary>
/// Registers the devices of <see cref="RegistryOptions.SeedFile"/> at start, after the store is initialised. Seeded
/// devices are registered again at every start (a seed is the demo's fixed fleet); devices added through the admin
/// API and not in the seed are left alone. A missing or invalid seed stops the service.
/// </summary>
public sealed class RegistrySeeder(
    IOptions<IngestOptions> options,
    IHostEnvironment environment,
    StoreDeviceRegistry registry,
    DeviceRegistrationValidator validator,
    ILogger<RegistrySeeder> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Registry.SeedFile is not { Length: > 0 } seedFile)
        {
            return;
        }

        var path = Path.GetFullPath(seedFile, environment.ContentRootPath);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Edge:Ingest:Registry:SeedFile {DetailText.Quote(path)} cannot be read: {ex.Message}", ex);
        }

        var result = RegistrySeedReader.Read(json, validator);
        if (result.Seed is not { } seed)
        {
            throw new InvalidOperationException(
                $"Edge:Ingest:Registry:SeedFile {DetailText.Quote(path)} is invalid: {string.Join(" ", result.Errors)}");
        }

        // One transaction for the whole seed (the reader validated every device already).
        var (written, released) = await registry.RegisterManyAsync(seed.Devices, cancellationToken);
        if (!written.Succeeded)
        {
            throw new InvalidOperationException(
                $"Edge:Ingest:Registry:SeedFile {DetailText.Quote(path)} is invalid: {string.Join(" ", written.Errors)}");
        }

        RegistryLog.Seeded(logger, seed.Devices.Count, path, released);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
