using Edge.Firmware.App;
using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;
using Edge.Firmware.Mqtt;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.SensorNode;
using Edge.HwSim.Sensors.Seismic;
using MQTTnet;

namespace Edge.Gateway.Tests.SensorNode;

/// <summary>
/// A simulated sensor node (real firmware app and drivers on the hw-sim models) talking MQTT to the real gateway:
/// a rising river raises the configured level alarms; a captured earthquake window becomes a stored
/// seismic-intensity reading with its alarm; malformed windows are refused with a reason and store nothing.
/// </summary>
public sealed class SensorNodeEndToEndTests : IDisposable
{
    private const string Device = "sn-000001";
    private const string Password = "secret-sn";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task River_RisesPastItsThreeLevels_EachAlarmOnceAllReadingsStored()
    {
        await using var gateway = await StartGatewayAsync();
        var start = WholeMinuteAgo(20);
        using var node = NewNode(gateway, start, new SensorNodeConfig { DeviceId = Device, WaterLevelIntervalSeconds = 60 });
        node.SetRiverLevelMetres(2.0);
        node.Boot();

        // 2.0 m, then past 氾濫注意 2.5 m, 避難判断 3.2 m and 氾濫危険 3.8 m, a few minutes each.
        double[] levels = [2.0, 2.7, 3.5, 3.9];
        for (var i = 0; i < levels.Length; i++)
        {
            node.SetRiverLevelMetres(levels[i]);
            await Task.Run(() => node.AdvanceTo(start + ((i + 1) * 3 * 60_000) + 1000));
        }

        Assert.Equal(0, node.Device.PendingCount);
        Assert.Equal(
            ["river-flood-caution", "river-evacuation-decision", "river-flood-danger"],
            StoreFile.Texts(gateway.DbPath, "SELECT kind FROM events WHERE kind LIKE 'river%' ORDER BY seq"));
        Assert.Equal(node.Device.NextSeq - 1, StoreFile.Scalar(gateway.DbPath, $"SELECT COUNT(*) FROM readings WHERE device = '{Device}'"));
        Assert.Equal(12, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM readings WHERE channel = 'water-level'"));
    }

    [Fact]
    public async Task Quake_CircularMotionOfTheCorpus_WindowSentInChunksIntensity49StoredWithAlarm()
    {
        await using var gateway = await StartGatewayAsync();
        var start = WholeMinuteAgo(5);
        var config = new SensorNodeConfig { DeviceId = Device, ClimateIntervalSeconds = 3600, Co2IntervalSeconds = 3600, ParticulateIntervalSeconds = 3600, WaterLevelIntervalSeconds = 3600 };
        using var node = NewNode(gateway, start, config);

        // 8192 samples: 1000 before the trigger, 7192 from it; threshold trigger at 5 gal (1305 LSB at 256000 LSB/g).
        node.TriggerSettings = (1000, 7192, 100, 3000, 0, 1.5, 1305);
        node.Boot();
        await Task.Run(() => node.AdvanceTo(start + 15_000));

        // conformance/sensors.md: circular motion at f = 82/(8192·0.01) Hz, 100.413724 gal on both horizontal axes
        // gives a = 100.000 gal, I = 4.9 (震度5弱). A 1 s raised-cosine onset avoids a step the sensor could not make.
        node.StartQuake(CircularMotion(100.413724, 82 / 81.92, 90));
        await Task.Run(() => node.AdvanceTo(start + 110_000));

        Assert.False(node.Device.WindowPending);
        Assert.Equal(1, node.Device.WindowsSent);
        var seq = node.Device.WindowSeq;
        var row = Assert.Single(StoreFile.Rows(gateway.DbPath), r => r.Channel == "seismic-intensity");
        Assert.Equal(seq, row.Seq);
        Assert.Equal(Device, row.Device);
        Assert.Equal((49L, 1), (row.Mantissa, row.Scale));
        Assert.Equal(["seismic-intensity"], StoreFile.Texts(gateway.DbPath, $"SELECT kind FROM events WHERE seq = {seq}"));
        Assert.Equal([(long)DataClass.Alarm], StoreFile.Scalars(gateway.DbPath, $"SELECT class FROM events WHERE seq = {seq}"));
        Assert.Contains("参考値", StoreFile.Texts(gateway.DbPath, $"SELECT detail FROM events WHERE seq = {seq}")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quake_SyntheticRecord_StoredIntensityWithinATenthOfTheSourceRecordsOwn()
    {
        await using var gateway = await StartGatewayAsync();
        var start = WholeMinuteAgo(5);
        var config = new SensorNodeConfig { DeviceId = Device, ClimateIntervalSeconds = 3600, Co2IntervalSeconds = 3600, ParticulateIntervalSeconds = 3600, WaterLevelIntervalSeconds = 3600 };
        using var node = NewNode(gateway, start, config);
        node.TriggerSettings = (1000, 5000, 100, 3000, 0, 1.5, 1305);
        node.Boot();
        await Task.Run(() => node.AdvanceTo(start + 12_000));

        // 60 s record: P at 10 s, S at 14 s, 150 gal horizontal peak. The window (10 s before the P trigger, 50 s
        // after) spans the record; the intensity of the source record itself, in double precision and without the
        // sensor's quantisation, 125 Hz sampling and rate conversion, is the independent reference.
        var quake = SyntheticQuake.Generate(new SyntheticQuakeOptions { PeakGal = 150, Seed = 3 });
        var expected = new Edge.Gateway.Sensors.Seismic.JmaSeismicIntensity().Compute(quake.X, quake.Y, quake.Z).Tenths;
        node.StartQuake(quake);
        await Task.Run(() => node.AdvanceTo(start + 80_000));

        Assert.Equal(1, node.Device.WindowsSent);
        var row = Assert.Single(StoreFile.Rows(gateway.DbPath), r => r.Channel == "seismic-intensity");
        Assert.InRange(row.Mantissa, expected - 1, expected + 1);
        Assert.True(expected >= 45, $"the record should reach 震度5弱 (I {expected / 10.0})");
        Assert.Equal(["seismic-intensity"], StoreFile.Texts(gateway.DbPath, $"SELECT kind FROM events WHERE seq = {row.Seq}"));
    }

    [Fact]
    public async Task Window_Malformed_RefusedWithReasonNothingStored()
    {
        await using var gateway = await StartGatewayAsync();
        using var client = await DeviceClient.ConnectAsync(gateway.Port, Device, Password);
        var topic = $"edge/v1/{Device}/window";
        var good = Chunk(Device, hz: 100, off: 0, count: 1000, total: 2000);

        var notCbor = await client.PublishAsync(topic, [0x01, 0x02, 0x03]);
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, notCbor.ReasonCode);
        Assert.Contains("map", notCbor.ReasonString, StringComparison.Ordinal);

        var wrongRate = await client.PublishAsync(topic, Chunk(Device, hz: 50, off: 0, count: 1000, total: 2000));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, wrongRate.ReasonCode);
        Assert.Contains("hz 50", wrongRate.ReasonString, StringComparison.Ordinal);

        var trailing = await client.PublishAsync(topic, [.. good, 0x00]);
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, trailing.ReasonCode);

        var otherDevice = await client.PublishAsync(topic, Chunk("sn-000002", hz: 100, off: 0, count: 1000, total: 2000));
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, otherDevice.ReasonCode);
        Assert.Contains("does not match", otherDevice.ReasonString, StringComparison.Ordinal);

        var notItsTopic = await client.PublishAsync("edge/v1/sn-000002/window", Chunk("sn-000002", hz: 100, off: 0, count: 1000, total: 2000));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, notItsTopic.ReasonCode);

        // A later chunk with no window held: the device must start again from off 0.
        var orphan = await client.PublishAsync(topic, Chunk(Device, hz: 100, off: 1000, count: 1000, total: 2000));
        Assert.Equal(MqttClientPublishReasonCode.UnspecifiedError, orphan.ReasonCode);
        Assert.Contains("off 0", orphan.ReasonString, StringComparison.Ordinal);

        // A first chunk is held (acknowledged), a gap drops it.
        Assert.Equal(MqttClientPublishReasonCode.Success, (await client.PublishAsync(topic, good)).ReasonCode);
        var gap = await client.PublishAsync(topic, Chunk(Device, hz: 100, off: 1500, count: 500, total: 2000));
        Assert.Equal(MqttClientPublishReasonCode.UnspecifiedError, gap.ReasonCode);

        Assert.Equal(0, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM readings"));
        Assert.Equal(0, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM events"));
    }

    private static byte[] Chunk(string device, int hz, int off, int count, int total)
    {
        var x = new int[total];
        var encoder = new SeismicWindowEncoder(device, 1000);
        var length = encoder.Encode(7, 1_764_115_200_000, ClockQualities.Ntp, hz, 256000, total, 100, off, count, x, x, x);
        return encoder.Buffer[..length];
    }

    private static SyntheticQuake CircularMotion(double amplitudeGal, double hz, double seconds)
    {
        var n = (int)(seconds * 100);
        var x = new double[n];
        var y = new double[n];
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / 100.0;
            var onset = t < 1 ? 0.5 * (1 - Math.Cos(Math.PI * t)) : 1.0;
            x[i] = onset * amplitudeGal * Math.Cos(2 * Math.PI * hz * t);
            y[i] = onset * amplitudeGal * Math.Sin(2 * Math.PI * hz * t);
        }

        return new SyntheticQuake(x, y, z, 100, 0, 0);
    }

    private static long WholeMinuteAgo(int minutes) =>
        (DateTimeOffset.UtcNow.AddMinutes(-minutes).ToUnixTimeMilliseconds() / 60_000) * 60_000;

    private SimulatedSensorNode NewNode(GatewayUnderTest gateway, long start, SensorNodeConfig config) =>
        new(config, start, () => new MqttUplink(new MqttUplinkOptions { Port = gateway.Port, Username = Device, Password = Password, ClientId = Device }));

    private Task<GatewayUnderTest> StartGatewayAsync() => GatewayUnderTest.StartAsync(_dir.Path, s =>
    {
        s["Edge:Gateway:Devices:2:Id"] = Device;
        s["Edge:Gateway:Devices:2:Password"] = Password;

        // The gateway's normal profile reaches the node on its config topic and replaces its provisioned intervals.
        s["Edge:Gateway:Control:Normal:SamplingSeconds"] = "60";
        s["Edge:Gateway:Control:Normal:ReportingSeconds"] = "60";
        s["Edge:Gateway:Thresholds:Rivers:0:Device"] = Device;
        s["Edge:Gateway:Thresholds:Rivers:0:CautionM"] = "2.5";
        s["Edge:Gateway:Thresholds:Rivers:0:EvacuationDecisionM"] = "3.2";
        s["Edge:Gateway:Thresholds:Rivers:0:DangerM"] = "3.8";
    });
}
