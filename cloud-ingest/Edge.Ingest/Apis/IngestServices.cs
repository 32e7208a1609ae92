using Edge.Ingest.Normalisation;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Apis;

/// <summary>The services the ingest handlers use, bound with <c>[AsParameters]</c>.</summary>
public sealed class IngestServices(
    IIngestStore store,
    BatchNormaliser normaliser,
    IDeviceRegistry registry,
    IOptions<IngestOptions> options,
    TimeProvider time,
    GatewayRateLimiter rateLimiter,
    ILogger<IngestServices> logger)
{
    /// <summary>Durable storage.</summary>
    public IIngestStore Store { get; } = store;

    /// <summary>Checks batches and converts units.</summary>
    public BatchNormaliser Normaliser { get; } = normaliser;

    /// <summary>Which gateway owns which device (admission).</summary>
    public IDeviceRegistry Registry { get; } = registry;

    /// <summary>Ingest settings.</summary>
    public IOptions<IngestOptions> Options { get; } = options;

    /// <summary>Server clock: received times and the future-skew check.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Per-gateway request limit.</summary>
    public GatewayRateLimiter RateLimiter { get; } = rateLimiter;

    /// <summary>Log of accepted and rejected batches.</summary>
    public ILogger<IngestServices> Logger { get; } = logger;
}
