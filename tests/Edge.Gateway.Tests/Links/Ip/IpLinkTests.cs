using System.Net;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Ip;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Links.Ip;

public sealed class IpLinkTests
{
    [Fact]
    public async Task SendAsync_BoundToLo_WireBytesEqualWhatARelayCountedBothWays()
    {
        await using var ingest = await FakeIngest.StartAsync();
        await using var relay = new TcpRelay(new Uri(ingest.Url));
        using var link = new IpLink("5g", "lo", relay.Url, "key-1", "/healthz", TimeSpan.FromSeconds(30), TimeProvider.System);
        var body = new byte[3000];
        new Random(6).NextBytes(body);

        var first = await link.SendAsync(new OutboundBatch(1, body), CancellationToken.None);
        var second = await link.SendAsync(new OutboundBatch(2, body[..1000]), CancellationToken.None);
        var probe = await link.ProbeAsync(CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, first.Outcome);
        Assert.Equal(LinkOutcome.Acknowledged, second.Outcome);
        Assert.Equal(LinkOutcome.Acknowledged, probe.Outcome);
        Assert.Equal(relay.BytesUp + relay.BytesDown, link.WireBytes);
        Assert.Equal(link.WireBytes, first.WireBytes + second.WireBytes + probe.WireBytes);
        Assert.InRange(first.WireBytes, body.Length + 100, body.Length + 2000);
        Assert.Equal(IPAddress.Loopback, relay.LastClient);
        Assert.Equal(1, relay.Connections); // one pooled connection for all three requests
        Assert.Equal(body, ingest.Received[0].Body);

        // The next estimate is this link's measured overhead on top of the body.
        Assert.Equal(1000 + (second.WireBytes - 1000), link.EstimateWireBytes(1000));
    }

    [Fact]
    public async Task SendAsync_InterfaceMissing_TransientNamingIt()
    {
        await using var ingest = await FakeIngest.StartAsync();
        using var link = new IpLink("5g", "wwan9", ingest.Url, "key-1", "/healthz", TimeSpan.FromSeconds(30), TimeProvider.System);

        var result = await link.SendAsync(new OutboundBatch(1, [1, 2, 3]), CancellationToken.None);

        Assert.Equal(LinkOutcome.Transient, result.Outcome);
        Assert.Contains("wwan9", result.Detail, StringComparison.Ordinal);
        Assert.Empty(ingest.Received);
        Assert.Equal(0, result.WireBytes);
    }

    [Fact]
    public async Task ProbeAsync_RelayCut_TransientThenHealthyWhenRestored()
    {
        await using var ingest = await FakeIngest.StartAsync();
        await using var relay = new TcpRelay(new Uri(ingest.Url));
        using var link = new IpLink("5g", "lo", relay.Url, "key-1", "/healthz", TimeSpan.FromSeconds(30), TimeProvider.System);
        Assert.Equal(LinkOutcome.Acknowledged, (await link.ProbeAsync(CancellationToken.None)).Outcome);

        relay.SetCut(true);
        Assert.Equal(LinkOutcome.Transient, (await link.ProbeAsync(CancellationToken.None)).Outcome);
        Assert.Equal(LinkOutcome.Transient, (await link.SendAsync(new OutboundBatch(1, [1]), CancellationToken.None)).Outcome);

        relay.SetCut(false);
        Assert.Equal(LinkOutcome.Acknowledged, (await link.ProbeAsync(CancellationToken.None)).Outcome);
    }
}
