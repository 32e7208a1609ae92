using Edge.Gateway.Control;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Links.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Gateway.Tests.Control;

/// <summary>A <see cref="GatewayControl"/> over two links ("5g", "iridium") and a data dir, as the host builds it.</summary>
internal sealed class ControlRig
{
    public ControlRig(string dataDir, Action<GatewayOptions>? configure = null)
    {
        Rig = new RouterRig(dataDir);
        Settings = new GatewayOptions { Id = "gw-izu", DataDir = dataDir };
        Settings.Store.Reading.TtlDays = 10;
        Settings.Control.Disaster.TtlFactor = 3;
        Settings.Control.Disaster.DailyBytes = 50_000;
        Settings.Control.Disaster.MonthlyBytes = 600_000;
        configure?.Invoke(Settings);
        FiveG = Rig.Lane(new ScriptedLink("5g"), new LinkPolicyOptions(), 0);
        Iridium = Rig.Lane(new ScriptedLink("iridium"), new LinkPolicyOptions
        {
            Allow = TrafficClass.Alarm | TrafficClass.Status | TrafficClass.Gap,
            DailyBytes = 10_000,
            MonthlyBytes = 100_000,
        }, 1);
        Router = RouterRig.Router(FiveG, Iridium);
        var options = Microsoft.Extensions.Options.Options.Create(Settings);
        Limits = new StoreLimits(options);
        Control = new GatewayControl(options, Limits, Rig.Time, NullLogger<GatewayControl>.Instance, Router);
    }

    public RouterRig Rig { get; }

    public GatewayOptions Settings { get; }

    public LinkLane FiveG { get; }

    public LinkLane Iridium { get; }

    public LinkRouter Router { get; }

    public StoreLimits Limits { get; }

    public GatewayControl Control { get; }
}
