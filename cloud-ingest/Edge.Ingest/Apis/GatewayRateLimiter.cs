using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Apis;

/// <summary>
/// The per-gateway token buckets of <see cref="RateLimitOptions"/>. A refused request is answered 429 with
/// <c>Retry-After</c>, the seconds until the gateway's bucket has a token again.
/// </summary>
public sealed class GatewayRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    /// <summary>Creates the buckets from validated options.</summary>
    public GatewayRateLimiter(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value.RateLimit;
        if (settings.RequestsPerMinute <= 0)
        {
            return;
        }

        // One token every 60 / RequestsPerMinute seconds, at least one millisecond apart.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerMinute / settings.RequestsPerMinute));
        _limiter = PartitionedRateLimiter.Create<string, string>(gatewayId => RateLimitPartition.GetTokenBucketLimiter(
            gatewayId,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, settings.Burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            StringComparer.Ordinal);
    }

    /// <summary>Takes a token of <paramref name="gatewayId"/>'s bucket; false with the wait when it is empty.</summary>
    public bool TryAcquire(string gatewayId, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(gatewayId);
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(gatewayId);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter?.Dispose();
}
