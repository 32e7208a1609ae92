using System.Net.Http.Json;
using Edge.Gateway.Hosting;
using Edge.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Edge.HwSim.Demo;

/// <summary>
/// The real ingest and the real gateway, run in this process on loopback, with their data in one folder.
/// Either can be stopped and started again over the same data (an outage, a reboot).
/// </summary>
public sealed class SimStack : IAsyncDisposable
{
    private readonly StackOptions _options;
    private readonly string _gatewayConfig;
    private readonly HttpClient _http = new();
    private WebApplication? _ingest;
    private IHost? _gateway;
    private GatewayProcess? _gatewayProcess;

    private SimStack(StackOptions options)
    {
        _options = options;
        IngestUrl = "http://127.0.0.1:" + options.IngestPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _gatewayConfig = GatewayConfigFile.Write(options, IngestUrl);
        RegistrySeedFile.Write(options, RegistrySeedPath);
        _http.DefaultRequestHeaders.Add("X-Api-Key", options.ReaderKey);
    }

    /// <summary>Base URL of the ingest.</summary>
    public string IngestUrl { get; }

    /// <summary>The ingest database file.</summary>
    public string IngestDatabase => Path.Combine(_options.DataDir, "ingest", "ingest.db");

    /// <summary>The ingest's device registry seed: the fleet's meters, registered to the stack's gateway.</summary>
    public string RegistrySeedPath => Path.Combine(_options.DataDir, "ingest", "registry-seed.json");

    /// <summary>Path of the gateway's configuration file.</summary>
    public string GatewayConfigPath => _gatewayConfig;

    /// <summary>The options the stack runs with.</summary>
    public StackOptions Options => _options;

    /// <summary>Starts ingest and gateway.</summary>
    public static async Task<SimStack> StartAsync(StackOptions options, CancellationToken cancellationToken = default)
    {
        var stack = new SimStack(options);
        await stack.StartIngestAsync(cancellationToken);
        await stack.StartGatewayAsync(cancellationToken);
        return stack;
    }

    /// <summary>The ingest's command-line arguments (also usable to serve the demo's data afterwards).</summary>
    public string[] IngestArgs() =>
    [
        "--urls", IngestUrl,
        "--Edge:Ingest:DatabasePath=" + IngestDatabase,
        "--Edge:Ingest:ApiKeys:0:Key=" + _options.GatewayKey,
        "--Edge:Ingest:ApiKeys:0:Role=gateway",
        "--Edge:Ingest:ApiKeys:0:GatewayId=" + _options.GatewayId,
        "--Edge:Ingest:ApiKeys:1:Key=" + _options.ReaderKey,
        "--Edge:Ingest:ApiKeys:1:Role=reader",
        "--Edge:Ingest:Registry:SeedFile=" + RegistrySeedPath,
        "--Logging:LogLevel:Default=Warning",
    ];

    /// <summary>Starts the ingest (again) over the same database.</summary>
    public async Task StartIngestAsync(CancellationToken cancellationToken = default)
    {
        _ingest = IngestHost.Build(IngestArgs());
        await _ingest.StartAsync(cancellationToken);
    }

    /// <summary>Stops the ingest: the gateway sees connection refused until it is back.</summary>
    public async Task StopIngestAsync()
    {
        if (_ingest is not null)
        {
            await _ingest.StopAsync();
            await _ingest.DisposeAsync();
            _ingest = null;
        }
    }

    /// <summary>Starts the gateway (again) over the same store.</summary>
    public async Task StartGatewayAsync(CancellationToken cancellationToken = default)
    {
        if (_options.GatewayOutOfProcess)
        {
            _gatewayProcess = GatewayProcess.Start(_gatewayConfig, TimeSpan.FromSeconds(60));
            return;
        }

        _gateway = GatewayHost.Build(["--config", _gatewayConfig, "--Logging:LogLevel:Default=Warning"]);
        await _gateway.StartAsync(cancellationToken);
    }

    /// <summary>The in-process gateway's counters (null while it is stopped or runs as a child process).</summary>
    public Edge.Gateway.Diagnostics.GatewayCounters? GatewayCounters =>
        _gateway?.Services.GetService(typeof(Edge.Gateway.Diagnostics.GatewayCounters)) as Edge.Gateway.Diagnostics.GatewayCounters;

    /// <summary>Cuts the gateway's power (child process mode: SIGKILL; in-process: stop without waiting).</summary>
    public async Task KillGatewayAsync()
    {
        if (_gatewayProcess is not null)
        {
            _gatewayProcess.Dispose();
            _gatewayProcess = null;
            return;
        }

        await StopGatewayAsync();
    }

    /// <summary>Stops the gateway.</summary>
    public async Task StopGatewayAsync()
    {
        _gatewayProcess?.Dispose();
        _gatewayProcess = null;
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            _gateway.Dispose();
            _gateway = null;
        }
    }

    /// <summary>The ingest's totals.</summary>
    public async Task<IngestStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<IngestStats>(IngestUrl + "/v1/stats", cancellationToken)
        ?? throw new InvalidOperationException("empty stats");

    /// <summary>
    /// Waits until the ingest holds <paramref name="readings"/> readings. <paramref name="stallTimeout"/> is how long
    /// the count may stay unchanged: a slow (loaded) machine keeps waiting while readings still arrive, a stuck or
    /// lossy pipeline fails after that long without progress. Never longer than ten stall timeouts in all.
    /// </summary>
    public async Task<bool> WaitForIngestAsync(long readings, TimeSpan stallTimeout, CancellationToken cancellationToken = default)
    {
        var limit = DateTime.UtcNow + (stallTimeout * 10);
        var deadline = DateTime.UtcNow + stallTimeout;
        var last = -1L;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow < limit)
        {
            try
            {
                var count = (await GetStatsAsync(cancellationToken)).Readings;
                if (count >= readings)
                {
                    return true;
                }

                if (count > last)
                {
                    last = count;
                    deadline = DateTime.UtcNow + stallTimeout;
                }
            }
            catch (HttpRequestException)
            {
                // Ingest not up yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopGatewayAsync();
        await StopIngestAsync();
        _http.Dispose();
    }
}
