namespace Edge.Ingest.Storage;

/// <summary>
/// Per gateway, the desired configuration document the cloud sets and the last state the gateway reported
/// (tables <c>gateway_desired</c> and <c>gateway_reported</c>), implemented by both stores beside <see cref="IIngestStore"/>.
/// </summary>
public interface IGatewayControlStore
{
    /// <summary>The gateway's desired document, or null when none was set.</summary>
    Task<StoredControlDocument?> GetDesiredAsync(string gatewayId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="json"/> as version <paramref name="version"/> only if the stored version is below it (or
    /// none is stored), in one statement; false when a version at least as high is stored (nothing changes).
    /// </summary>
    Task<bool> PutDesiredAsync(string gatewayId, long version, string json, string updatedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The gateway's last report, or null.</summary>
    Task<StoredControlDocument?> GetReportedAsync(string gatewayId, CancellationToken cancellationToken);

    /// <summary>Stores the gateway's report (replacing the previous one), with its applied version.</summary>
    Task PutReportedAsync(string gatewayId, long appliedVersion, string json, string via, DateTimeOffset at, CancellationToken cancellationToken);
}
