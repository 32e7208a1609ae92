using System.Diagnostics;
using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Mqtt;
using Edge.Firmware.Storage;
using Edge.Firmware.Tests.Fakes;
using MQTTnet.Formatter;

namespace Edge.Firmware.Tests.Mqtt;

public class MqttUplinkMosquittoTests
{
    private sealed class TeeUplink(IUplink inner) : IUplink
    {
        public List<byte[]> Sent { get; } = [];

        public bool IsConnected => inner.IsConnected;

        public bool Connect() => inner.Connect();

        public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
        {
            var ok = inner.Publish(topic, payload, count, timeoutMs);
            if (ok)
            {
                Sent.Add(payload.AsSpan(0, count).ToArray());
            }

            return ok;
        }

        public void Subscribe(string topic) => inner.Subscribe(topic);

        public int TakeMessage(string topic, byte[] buffer) => inner.TakeMessage(topic, buffer);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public void Publish_ToRealMosquitto_MosquittoSubReceivesTheFrame(MqttProtocolVersion version)
    {
        using var broker = MosquittoBroker.Start();
        // mosquitto_sub, a client we did not write, prints the payload of the first message as hex.
        var sub = Process.Start(new ProcessStartInfo("mosquitto_sub",
            ["-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-t", "edge/v1/+/up", "-q", "1", "-C", "1", "-W", "20", "-F", "%t %x"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        Assert.True(broker.WaitForLog("Received SUBSCRIBE", TimeSpan.FromSeconds(10)), "mosquitto_sub did not subscribe");

        using var mqtt = new MqttUplink(new MqttUplinkOptions
        {
            Port = broker.Port,
            Username = "pm-000099",
            Password = "secret",
            ProtocolVersion = version,
        });
        var tee = new TeeUplink(mqtt);
        var clock = new FakeClock { UtcNowUnixMs = 1_764_028_799_000, UptimeMs = 1 };
        var config = new PulseMeterConfig { DeviceId = "pm-000099", RingCapacity = 16 };
        var device = new PulseMeterDevice(config, new FakePulseInput(), clock, new MemoryStorage(ReadingRing.RequiredBytes(16)), tee);
        device.Start();
        clock.Advance(1000);
        device.Tick();

        Assert.Single(tee.Sent);
        Assert.True(sub.WaitForExit(20_000), "mosquitto_sub did not receive the message");
        var line = sub.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith("edge/", StringComparison.Ordinal));
        var parts = line.Split(' ');
        Assert.Equal("edge/v1/pm-000099/up", parts[0]);
        Assert.Equal(Convert.ToHexStringLower(tee.Sent[0]), parts[1].ToLowerInvariant());
        var record = Assert.Single(FrameReader.Read(Convert.FromHexString(parts[1])));
        Assert.Equal(1, record.Seq);
        Assert.Equal(0, device.PendingCount);
    }

    [Fact]
    public void Publish_BrokerGone_ReturnsFalseAndDeviceKeepsReading()
    {
        using var mqtt = new MqttUplink(new MqttUplinkOptions { Port = MosquittoBroker.FreePort(), Username = "x", ConnectTimeoutMs = 1000 });
        var clock = new FakeClock { UtcNowUnixMs = 1_764_028_799_000, UptimeMs = 1 };
        var config = new PulseMeterConfig { DeviceId = "x", RingCapacity = 16 };
        var device = new PulseMeterDevice(config, new FakePulseInput(), clock, new MemoryStorage(ReadingRing.RequiredBytes(16)), mqtt);
        device.Start();
        clock.Advance(1000);
        device.Tick();

        Assert.False(mqtt.IsConnected);
        Assert.Equal(1, device.PendingCount);
    }
}
