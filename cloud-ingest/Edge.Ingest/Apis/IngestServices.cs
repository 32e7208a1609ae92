using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Welfare;
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
    AlarmRecomputeQueue alarms,
    WelfareQueue welfare,
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

    /// <summary>Meters whose alarms are recomputed in the background after a batch is stored.</summary>
    public AlarmRecomputeQueue Alarms { get; } = alarms;

    /// <summary>Enrolled households' meters whose welfare watch is judged in the background after a batch is stored.</summary>
    public WelfareQueue Welfare { get; } = welfare;

    /// <summary>Log of accepted and rejected batches.</summary>
    public ILogger<IngestServices> Logger { get; } = logger;
}
