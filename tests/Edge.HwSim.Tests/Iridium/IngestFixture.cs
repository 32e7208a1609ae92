using Edge.HwSim.Demo;
using Edge.Ingest;
using Microsoft.AspNetCore.Builder;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>The real ingest, in process on loopback, with a gateway key and a reader key.</summary>
public sealed class IngestFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-sbd-ingest-").FullName;
    private WebApplication? _ingest;

    public string GatewayId { get; } = "gw-sbd";

    public string GatewayKey { get; } = "gw-" + Guid.NewGuid().ToString("N");

    public string ReaderKey { get; } = "rd-" + Guid.NewGuid().ToString("N");

    public string Url { get; } = "http://127.0.0.1:" + PortFinder.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _ingest = IngestHost.Build(
        [
            "--urls", Url,
            "--Edge:Ingest:DatabasePath=" + Path.Combine(_dir, "ingest.db"),
            "--Edge:Ingest:ApiKeys:0:Key=" + GatewayKey,
            "--Edge:Ingest:ApiKeys:0:Role=gateway",
            "--Edge:Ingest:ApiKeys:0:GatewayId=" + GatewayId,
            "--Edge:Ingest:ApiKeys:1:Key=" + ReaderKey,
            "--Edge:Ingest:ApiKeys:1:Role=reader",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _ingest.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_ingest is not null)
        {
            await _ingest.StopAsync();
            await _ingest.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }
}
