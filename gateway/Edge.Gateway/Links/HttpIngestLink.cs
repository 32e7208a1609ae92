using Edge.Gateway.Uplink;

namespace Edge.Gateway.Links;

/// <summary>
/// The HTTP uplink as an <see cref="ILink"/>: one POST of the whole batch to the ingest through
/// <see cref="IngestClient"/>. <see cref="LinkResult.WireBytes"/> counts the body only (TCP/TLS/HTTP framing is
/// not visible here; the interface-bound IP links of issue 6 will count it at the socket).
/// </summary>
internal sealed class HttpIngestLink(IngestClient client, TimeProvider time) : ILink
{
    /// <inheritdoc />
    public string Name => "http";

    /// <summary>Any batch the ingest accepts (its <c>MaxBodyBytes</c>, 8 MiB by default).</summary>
    public int MaxMessageBytes => 8 * 1024 * 1024;

    /// <inheritdoc />
    public LinkHealth Health { get; } = new();

    /// <summary>False when no ingest URL is configured: the gateway then only stores.</summary>
    public bool IsConfigured => client.IsConfigured;

    /// <inheritdoc />
    public async Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var started = time.GetTimestamp();
        var result = await client.PostAsync(batch.Body, cancellationToken).ConfigureAwait(false);
        Health.AddWireBytes(batch.Body.Length);
        var outcome = result.Outcome switch
        {
            IngestOutcome.Acknowledged => LinkOutcome.Acknowledged,
            IngestOutcome.Transient => LinkOutcome.Transient,
            _ => LinkOutcome.Refused,
        };
        if (outcome == LinkOutcome.Acknowledged)
        {
            Health.RecordSuccess(time.GetUtcNow(), time.GetElapsedTime(started), result.Detail);
        }
        else
        {
            Health.RecordFailure(time.GetUtcNow(), result.Detail);
        }

        return new LinkResult(outcome, result.Detail, batch.Body.Length, result.RetryAfter);
    }
}
