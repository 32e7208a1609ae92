using Edge.Gateway.Links.Iridium;
using Edge.HwSim.Iridium;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>Gateway link → driver → pty → virtual 9603 → virtual endpoint → real ingest.</summary>
public sealed class LinkRig : IAsyncDisposable
{
    public LinkRig(IngestFixture ingest, Virtual9603Options modem, IridiumLinkOptions? link = null)
    {
        Modem = new ModemRig(modem);
        Endpoint = new VirtualSbdEndpoint(Modem.Modem, ingest.Url, ingest.GatewayKey, Modem.Time);
        // Simulated time runs ~1000× the wall clock: under CI load a slow ingest POST is simulated minutes, so the waits
        // are generous (the endpoint keeps partials for 6 h; SbdReassemblerOptions.StaleAfter).
        Options = link ?? new IridiumLinkOptions { AckTimeout = TimeSpan.FromHours(2), ResumeWindow = TimeSpan.FromHours(5) };
        Link = new IridiumSbdLink(Modem.Driver, Options, Modem.Time, NullLogger<IridiumSbdLink>.Instance);
    }

    public ModemRig Modem { get; }

    public VirtualSbdEndpoint Endpoint { get; }

    public IridiumLinkOptions Options { get; }

    public IridiumSbdLink Link { get; }

    public async ValueTask DisposeAsync()
    {
        Link.Dispose();
        await Endpoint.DisposeAsync();
        Modem.Dispose();
    }
}
