using Edge.Gateway.Links;

namespace Edge.Gateway.Tests.Links.Routing;

/// <summary>
/// A link for link-choice tests: its wire cost is the body plus a fixed overhead, and sends answer what the test
/// sets. The real links (IP on lo, Iridium on the virtual 9603) are exercised in the failover and budget tests.
/// </summary>
internal sealed class ScriptedLink(string name, long overheadBytes = 100) : ILink
{
    public string Name { get; } = name;

    public int MaxMessageBytes => 1 << 20;

    public LinkHealth Health { get; } = new();

    public LinkOutcome Next { get; set; } = LinkOutcome.Acknowledged;

    public long EstimateWireBytes(int bodyBytes) => bodyBytes + overheadBytes;

    public Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken) =>
        Task.FromResult(new LinkResult(Next, Next.ToString(), EstimateWireBytes(batch.Body.Length)));
}
