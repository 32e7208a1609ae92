using Edge.Firmware.App;
using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;
using Edge.Firmware.Mqtt;
using Edge.Gateway.Southbound;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Devices;
using Edge.HwSim.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Gateway.Tests.Control;

/// <summary>
/// Issue 6, "Disaster mode changes the devices' intervals via their config topic": the real gateway (embedded broker,
/// local file switch) and a hw-sim pulse meter node running the real firmware app over MQTTnet. The gateway's own
/// profiles are its defaults (normal 3600 s / 3600 s, disaster 300 s / 600 s, gateway README).
/// </summary>
public sealed class DeviceConfigEndToEndTests : IDisposable
{
    private const long Hour = 3_600_000;
    private static readonly TimeSpan _realWait = TimeSpan.FromSeconds(30);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Counts the frames the gateway acknowledged, by the simulated time they were sent at.</summary>
    private sealed class CountingUplink(IUplink inner, PulseMeterNode[] node) : IUplink, IDisposable
    {
        public List<long> SentAt { get; } = [];

        public bool IsConnected => inner.IsConnected;

        public bool Connect() => inner.Connect();

        public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
        {
            var ok = inner.Publish(topic, payload, count, timeoutMs);
            if (ok)
            {
                lock (SentAt)
                {
                    SentAt.Add(node[0].Clock.TrueUnixMs);
                }
            }

            return ok;
        }

        public void Subscribe(string topic) => inner.Subscribe(topic);

        public int TakeMessage(string topic, byte[] buffer) => inner.TakeMessage(topic, buffer);

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task DisasterSwitch_DeviceReportsSixTimesAnHourInsteadOfOnceAndKeepsItAcrossAReboot()
    {
        var switchFile = _dir.File("disaster");
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            s["Edge:Gateway:Control:DisasterFile"] = switchFile;
            s["Edge:Gateway:Control:LocalCheckInterval"] = "00:00:00.100";
        });
        var ledger = gateway.Host.Services.GetRequiredService<DeviceSettingsLedger>();
        var start = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / Hour) - 8) * Hour;
        var holder = new PulseMeterNode[1];
        var uplinks = new List<CountingUplink>();
        IUplink NewUplink()
        {
            var uplink = new CountingUplink(new MqttUplink(new MqttUplinkOptions { Port = gateway.Port, Username = Frames.Device, Password = GatewayConfig.Password1 }), holder);
            uplinks.Add(uplink);
            return uplink;
        }

        var node = holder[0] = new PulseMeterNode(new PulseMeterConfig { DeviceId = Frames.Device }, 7, start + 1000, NewUplink, ReedBounceModel.None);
        node.Boot();
        long now = start + 1000;
        void RunTo(long until)
        {
            for (; now < until; now = Math.Min(until, now + 60_000))
            {
                node.AdvanceTo(now);
            }

            node.AdvanceTo(now);
        }

        int FramesIn(long from, long to) => uplinks.Sum(u => u.SentAt.Count(t => t >= from && t < to));

        async Task TickUntilAsync(Func<bool> condition, string what) =>
            await Wait.UntilAsync(() => { node.AdvanceTo(now); return condition(); }, _realWait, what);

        // First hour: the device connects to send its first reading and gets the gateway's retained normal profile.
        RunTo(start + Hour + 1000);
        await TickUntilAsync(() => node.Device.Settings.HasSettings, "the retained normal configuration");
        Assert.Equal((3600, 3600, false), (node.Device.SamplingSeconds, node.Device.ReportingSeconds, node.Device.Settings.Disaster));
        RunTo(start + (3 * Hour));
        Assert.Equal(1, FramesIn(start + (2 * Hour), start + (3 * Hour)));

        // Disaster mode on (local file switch): the gateway publishes 300 s / 600 s; the device applies it at once.
        await File.WriteAllTextAsync(switchFile, "");
        await TickUntilAsync(() => node.Device.ReportingSeconds == 600, "the disaster configuration at the device");
        Assert.Equal((300, true), (node.Device.SamplingSeconds, node.Device.Settings.Disaster));
        RunTo(start + (5 * Hour));
        Assert.Equal(6, FramesIn(start + (4 * Hour), start + (5 * Hour)));
        Assert.Equal(new FrameSettings(0, 300, 600), ledger.For(Frames.Device));

        // Power cut and reboot: the kept configuration is in force before the device has even connected.
        node.Boot();
        Assert.False(node.Uplink.IsConnected);
        Assert.Equal((300, 600, true), (node.Device.SamplingSeconds, node.Device.ReportingSeconds, node.Device.Settings.Disaster));
        RunTo(start + (7 * Hour));
        Assert.Equal(6, FramesIn(start + (6 * Hour), start + (7 * Hour)));

        // Everything the device read reached the gateway's store once.
        RunTo(start + (7 * Hour) + 1000);
        Assert.Equal(0, node.Device.PendingCount);
        Assert.Equal(node.Device.NextSeq - 1, StoreFile.Scalar(gateway.DbPath, $"SELECT COUNT(*) FROM readings WHERE device = '{Frames.Device}'"));
        foreach (var uplink in uplinks)
        {
            uplink.Dispose();
        }
    }
}
