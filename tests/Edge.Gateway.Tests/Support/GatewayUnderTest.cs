using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Southbound;
using Edge.Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Edge.Gateway.Tests.Support;

/// <summary>The real gateway host, run in process on a free loopback port with its own data dir.</summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    private GatewayUnderTest(IHost host, string dataDir)
    {
        Host = host;
        DataDir = dataDir;
        Port = host.Services.GetRequiredService<MqttBrokerService>().Endpoint!.Port;
    }

    public IHost Host { get; }

    public string DataDir { get; }

    public int Port { get; }

    public string DbPath => Path.Combine(DataDir, GatewayDatabase.FileName);

    public GatewayCounters Counters => Host.Services.GetRequiredService<GatewayCounters>();

    public static async Task<GatewayUnderTest> StartAsync(string dataDir, Action<Dictionary<string, string>>? configure = null)
    {
        var settings = GatewayConfig.Defaults(dataDir);
        configure?.Invoke(settings);
        var host = GatewayHost.Build(GatewayConfig.Args(settings));
        await host.StartAsync();
        return new GatewayUnderTest(host, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
