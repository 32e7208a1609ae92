using Edge.Gateway.Hosting;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Gateway.Tests.Links.Routing;

/// <summary>Lanes over a real store file (for the persisted budgets) and a fake clock.</summary>
internal sealed class RouterRig
{
    public RouterRig(string dataDir, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 3, 0, 0, TimeSpan.Zero));
        var options = Microsoft.Extensions.Options.Options.Create(new GatewayOptions { Id = "gw-test", DataDir = dataDir });
        Usage = new LinkUsageStore(new GatewayDatabase(options, Time, NullLogger<GatewayDatabase>.Instance));
    }

    public FakeTimeProvider Time { get; }

    public LinkUsageStore Usage { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public LinkLane Lane(ILink link, LinkPolicyOptions policy, int order, TimeSpan? probe = null) => new(link, policy, order, 340, probe, Usage, Time);

    public static LinkRouter Router(params LinkLane[] lanes) => new(lanes);
}
