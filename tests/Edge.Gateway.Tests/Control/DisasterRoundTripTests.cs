using System.Collections.Concurrent;
using System.Formats.Cbor;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Edge.Gateway.Control;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Southbound;
using Edge.Gateway.Tests.Links;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Iridium;
using Edge.Ingest;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Edge.Gateway.Tests.Control;

/// <summary>
/// Issue 6, test "Disaster mode round trip": the gateway's 5G is down, the satellite is up (virtual 9603 on a pty,
/// scaled time). Disaster mode is switched on at the real ingest by the disaster role, delivered to the gateway as an
/// Iridium MT message (ring alert, +SBDIXA, +SBDRB), applied (device configuration on the broker, link policy and TTLs
/// changed), reported back as an MO message and visible at <c>GET /v1/gateways/{id}/reported</c>.
/// </summary>
[Collection(LinksCollection.Name)]
public sealed class DisasterRoundTripTests(ITestOutputHelper output) : IDisposable
{
    private const string GatewayKey = "rt-gateway-key";
    private const string DisasterKey = "rt-disaster-key";
    private const string AdminKey = "rt-admin-key";
    private const string Gateway = GatewayConfig.GatewayId;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task DisasterMode_SetAtIngestWhileOnlySatelliteIsUp_DeliveredAsMtAppliedAndReportedBack()
    {
        var time = new ScaledTimeProvider(25, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
        var ingestUrl = $"http://127.0.0.1:{FreePort()}";
        await using var ingest = IngestHost.Build([
            "--urls", ingestUrl,
            "--Edge:Ingest:DatabasePath=" + _dir.File("ingest.db"),
            "--Edge:Ingest:ApiKeys:0:Key=" + GatewayKey, "--Edge:Ingest:ApiKeys:0:Role=gateway", "--Edge:Ingest:ApiKeys:0:GatewayId=" + Gateway,
            "--Edge:Ingest:ApiKeys:1:Key=" + DisasterKey, "--Edge:Ingest:ApiKeys:1:Role=disaster",
            "--Edge:Ingest:ApiKeys:2:Key=" + AdminKey, "--Edge:Ingest:ApiKeys:2:Role=admin",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await ingest.StartAsync();
        using var modem = new Virtual9603(new Virtual9603Options(), time);
        modem.Start();
        await using var endpoint = new VirtualSbdEndpoint(modem, ingestUrl, GatewayKey, time);

        var data = Path.Combine(_dir.Path, "gateway");
        var settings = GatewayConfig.Defaults(data);
        settings["Edge:Gateway:Links:Ip:0:Name"] = "5g";
        settings["Edge:Gateway:Links:Ip:0:Url"] = $"http://127.0.0.1:{FreePort()}"; // nothing listens: 5G is down
        settings["Edge:Gateway:Links:Ip:0:ApiKey"] = GatewayKey;
        settings["Edge:Gateway:Links:Iridium:Port"] = modem.PortPath;
        settings["Edge:Gateway:Links:Iridium:Modem:CommandTimeout"] = "12:00:00";
        settings["Edge:Gateway:Links:Iridium:Modem:SessionTimeout"] = "12:00:00";
        settings["Edge:Gateway:Links:Iridium:Policy:DailyBytes"] = "20000";
        settings["Edge:Gateway:Control:PollInterval"] = "00:00:30";
        settings["Edge:Gateway:Control:DisasterFile"] = Path.Combine(_dir.Path, "disaster-switch");
        var builder = GatewayHost.CreateBuilder(GatewayConfig.Args(settings));
        builder.Services.AddSingleton<TimeProvider>(time);
        using var gateway = builder.Build();
        await gateway.StartAsync();
        try
        {
            var control = gateway.Services.GetRequiredService<GatewayControl>();
            var iridium = gateway.Services.GetRequiredService<LinkRouter>().Lanes.Single(l => l.Name == "iridium");
            var port = gateway.Services.GetRequiredService<MqttBrokerService>().Endpoint!.Port;
            var configs = new ConcurrentQueue<byte[]>();
            using var device = await DeviceClient.ConnectAsync(port, Frames.Device, GatewayConfig.Password1);
            device.ApplicationMessageReceivedAsync += e =>
            {
                configs.Enqueue(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
                return Task.CompletedTask;
            };
            await device.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(DeviceConfigTopic.For(Frames.Device), MqttQualityOfServiceLevel.AtLeastOnce).Build());

            // Before: the gateway's own configuration, published retained to the device.
            await Wait.UntilAsync(() => configs.Any(c => !Disaster(c)), TimeSpan.FromSeconds(60), "the normal device configuration");
            Assert.False(control.Status.Plan.DisasterMode);
            Assert.False(iridium.OnEmergencyBudget);
            var started = time.GetUtcNow();

            // The disaster office switches disaster mode on at the ingest.
            using var http = new HttpClient { BaseAddress = new Uri(ingestUrl) };
            using (var put = new HttpRequestMessage(HttpMethod.Put, $"/v1/gateways/{Gateway}/desired"))
            {
                put.Headers.Add("X-Api-Key", DisasterKey);
                put.Content = new StringContent("""{"disasterMode":{"on":true,"reason":"震度6強"}}""", Encoding.UTF8, "application/json");
                using var answer = await http.SendAsync(put);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }

            // The cloud side of the satellite path hands it to the Iridium gateway as an MT message.
            Assert.Equal(1, await endpoint.ForwardDesiredAsync(Gateway, DisasterKey, CancellationToken.None));

            await Wait.UntilAsync(() => control.Status.Plan.AppliedVersion == 1, TimeSpan.FromSeconds(90), "the MT document applied");
            var applied = time.GetUtcNow() - started;
            Assert.True(control.Status.Plan.DisasterMode);
            Assert.Equal(["cloud"], control.Status.Plan.Sources);

            // Link policy: readings allowed on satellite within the emergency budget; TTLs kept three times longer.
            Assert.True(iridium.OnEmergencyBudget);
            Assert.True((iridium.Policy.Allow & TrafficClass.Reading) != 0);
            Assert.Equal(14 * 3, gateway.Services.GetRequiredService<Edge.Gateway.Store.StoreLimits>().Current.Reading.TtlDays);

            // The device got its disaster intervals on its config topic.
            await Wait.UntilAsync(() => configs.Any(Disaster), TimeSpan.FromSeconds(30), "the disaster device configuration");
            var config = Read(configs.Last(Disaster));
            Assert.Equal((1UL, 300UL, 600UL), (config.Version, config.Sampling, config.Reporting));

            // Persisted for the next start.
            Assert.True(File.Exists(Path.Combine(data, "desired.json")));

            // Reported back over the satellite and visible at the ingest.
            JsonElement reported = default;
            await Wait.UntilAsync(() =>
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"/v1/gateways/{Gateway}/reported");
                get.Headers.Add("X-Api-Key", AdminKey);
                using var answer = http.Send(get);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                reported = JsonDocument.Parse(answer.Content.ReadAsStream()).RootElement.Clone();
                return reported.GetProperty("appliedVersion").GetInt64() == 1;
            }, TimeSpan.FromSeconds(90), "the report at the ingest");
            var reportedAt = time.GetUtcNow() - started;
            Assert.Equal("satellite", reported.GetProperty("via").GetString());
            Assert.True(reported.GetProperty("inSync").GetBoolean());
            Assert.True(reported.GetProperty("report").GetProperty("disasterMode").GetBoolean());
            Assert.Equal(1, endpoint.DesiredQueued);
            Assert.NotEmpty(endpoint.ReportsRelayed);
            output.WriteLine($"simulated time: applied after {applied.TotalSeconds:F0} s, reported after {reportedAt.TotalSeconds:F0} s; " +
                $"modem sessions {modem.Sessions}, MT bytes {modem.MtBytes}, MO bytes {modem.MoBytes}, serial wire bytes {modem.WireBytes}");
        }
        finally
        {
            await gateway.StopAsync();
            await ingest.StopAsync();
        }
    }

    private static bool Disaster(byte[] payload) => Read(payload).Disaster;

    private static (ulong Version, ulong Sampling, ulong Reporting, bool Disaster) Read(byte[] payload)
    {
        var reader = new CborReader(payload);
        var values = new Dictionary<ulong, object>();
        var count = reader.ReadStartMap();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            values[key] = reader.PeekState() == CborReaderState.Boolean ? reader.ReadBoolean() : reader.ReadUInt64();
        }

        return ((ulong)values[1], (ulong)values[2], (ulong)values[3], (bool)values[4]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
