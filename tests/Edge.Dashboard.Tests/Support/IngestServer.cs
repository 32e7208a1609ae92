using Edge.HwSim.Demo;
using Edge.Ingest;
using Microsoft.AspNetCore.Builder;

namespace Edge.Dashboard.Tests.Support;

/// <summary>The real ingest on a free loopback port over a fresh SQLite database, with its keys; deleted on dispose.</summary>
public sealed class IngestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IngestServer(WebApplication app, string url, string dataDir, string gatewayKey, string operatorKey)
    {
        _app = app;
        Url = url;
        DataDir = dataDir;
        GatewayKey = gatewayKey;
        OperatorKey = operatorKey;
    }

    /// <summary>Base URL.</summary>
    public string Url { get; }

    /// <summary>The folder of the database and seed files.</summary>
    public string DataDir { get; }

    /// <summary>Key of the gateway <c>gw-demo</c>.</summary>
    public string GatewayKey { get; }

    /// <summary>Key of a waterworks operator.</summary>
    public string OperatorKey { get; }

    /// <summary>Starts the ingest with <paramref name="extraArgs"/> (configuration overrides) on top of the keys.</summary>
    public static async Task<IngestServer> StartAsync(string dataDir, params string[] extraArgs)
    {
        var url = "http://127.0.0.1:" + PortFinder.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gatewayKey = "gw-" + Guid.NewGuid().ToString("N");
        var operatorKey = "op-" + Guid.NewGuid().ToString("N");
        string[] args =
        [
            "--urls", url,
            "--Edge:Ingest:DatabasePath=" + Path.Combine(dataDir, "ingest.db"),
            "--Edge:Ingest:ApiKeys:0:Key=" + gatewayKey,
            "--Edge:Ingest:ApiKeys:0:Role=gateway",
            "--Edge:Ingest:ApiKeys:0:GatewayId=gw-demo",
            "--Edge:Ingest:ApiKeys:1:Key=" + operatorKey,
            "--Edge:Ingest:ApiKeys:1:Role=waterworks",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = IngestHost.Build(args);
        await app.StartAsync();
        return new IngestServer(app, url, dataDir, gatewayKey, operatorKey);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
