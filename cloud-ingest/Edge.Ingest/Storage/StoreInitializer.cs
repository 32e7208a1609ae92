namespace Edge.Ingest.Storage;

/// <summary>Opens the store and creates its schema when the host starts, before requests are served.</summary>
public sealed class StoreInitializer(IIngestStore store) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
