using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Edge.Ingest.Storage;

/// <summary>Healthy when the database answers a query (<c>GET /healthz</c>).</summary>
public sealed class StoreHealthCheck(IIngestStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database gave no answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be queried.", ex);
        }
    }
}
