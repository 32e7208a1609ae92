using System.Net;
using System.Net.Sockets;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Benchmarks.GatewayIngest;

/// <summary>
/// The real gateway, built by <see cref="GatewayHost.Build"/> and started in this process, with its store in
/// <c>dataDir</c>, its broker on a free loopback port, the given devices, and an ingest URL on a closed
/// loopback port (so no batch leaves the store), the store limit at <see cref="StoreMaxBytes"/>. Logging below
/// Error is switched off.
/// </summary>
internal sealed class GatewayUnderLoad : IAsyncDisposable
{
    /// <summary>
    /// Store size limit: far above what a run writes (a few hundred MB), so that eviction, which a full
    /// store triggers, does not run: the benchmark measures ingest. Ignored by a gateway without the setting.
    /// </summary>
    public const long StoreMaxBytes = 8L << 30;

    private readonly IHost _host;

    private GatewayUnderLoad(IHost host, int mqttPort, string ingestUrl)
    {
        _host = host;
        MqttPort = mqttPort;
        IngestUrl = ingestUrl;
        Counters = host.Services.GetRequiredService<GatewayCounters>();
    }

    public int MqttPort { get; }

    public string IngestUrl { get; }

    public GatewayCounters Counters { get; }

    public static async Task<GatewayUnderLoad> StartAsync(string dataDir, IReadOnlyList<(string Id, string Password)> devices)
    {
        var mqttPort = FreePort();
        var ingestUrl = $"http://127.0.0.1:{FreePort()}/";
        var args = new List<string>
        {
            "--Edge:Gateway:Id=gw-bench-0001",
            $"--Edge:Gateway:DataDir={dataDir}",
            $"--Edge:Gateway:Mqtt:Port={mqttPort}",
            $"--Edge:Gateway:Ingest:Url={ingestUrl}",
            $"--Edge:Gateway:Store:MaxBytes={StoreMaxBytes}",
            "--Logging:LogLevel:Default=Error",
            "--Logging:LogLevel:MQTTnet=Error",
            "--Logging:LogLevel:Microsoft=Error",
            "--Logging:LogLevel:System.Net.Http=Error",
        };
        for (var i = 0; i < devices.Count; i++)
        {
            args.Add($"--Edge:Gateway:Devices:{i}:Id={devices[i].Id}");
            args.Add($"--Edge:Gateway:Devices:{i}:Password={devices[i].Password}");
        }

        var host = GatewayHost.Build([.. args]);

        // The broker prints "gateway ready mqtt=..." to standard output once started: keep it out of the results.
        var output = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        finally
        {
            Console.SetOut(output);
        }

        return new GatewayUnderLoad(host, mqttPort, ingestUrl);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>A loopback port nothing listens on right now (bound, read, released).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
