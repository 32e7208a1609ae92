using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using MQTTnet;

namespace Edge.Gateway.Tests.Southbound;

/// <summary>
/// A device sensor node publishing over MQTT meets the same configured thresholds as the Pi's own sensors: a river
/// level frame that reaches 氾濫注意 is stored with its alarm event in the same commit as the PUBACK; the same frame
/// sent again (the device did not get the PUBACK) raises nothing new.
/// </summary>
public sealed class SensorNodeThresholdTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Publish_RiverLevelFrames_AlarmWhenCautionReachedStatusWhenBackUnderNoRepeatOnResend()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            s["Edge:Gateway:Thresholds:Rivers:0:Device"] = Frames.Device;
            s["Edge:Gateway:Thresholds:Rivers:0:CautionM"] = "2.5";
            s["Edge:Gateway:Thresholds:Rivers:0:EvacuationDecisionM"] = "3.2";
            s["Edge:Gateway:Thresholds:Rivers:0:DangerM"] = "3.8";
        });
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);

        // 2.40 m (under), 2.62 m (reaches caution 2.5 m, under 避難判断 3.2 m): one alarm, with the 2.62 m reading.
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync(DeviceClient.Topic(Frames.Device), Level(1, t0, 2400))).ReasonCode);
        Assert.Equal(0, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM events"));
        var rising = Level(2, t0.AddMinutes(10), 2620);
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync(DeviceClient.Topic(Frames.Device), rising)).ReasonCode);
        Assert.Equal(["river-flood-caution"], StoreFile.Texts(gateway.DbPath, "SELECT kind FROM events WHERE seq = 2"));
        Assert.Equal([(long)DataClass.Alarm], StoreFile.Scalars(gateway.DbPath, "SELECT class FROM events WHERE seq = 2"));

        // The same frame again: the level is already past caution, nothing new.
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync(DeviceClient.Topic(Frames.Device), rising)).ReasonCode);
        Assert.Equal(1, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM events"));

        // 2.31 m: back under caution, a status event.
        Assert.Equal(MqttClientPublishReasonCode.Success, (await device.PublishAsync(DeviceClient.Topic(Frames.Device), Level(3, t0.AddMinutes(20), 2310))).ReasonCode);
        Assert.Equal(["river-level-falling"], StoreFile.Texts(gateway.DbPath, "SELECT kind FROM events WHERE seq = 3"));
        Assert.Equal(3, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM readings"));
    }

    [Fact]
    public async Task Publish_WaterLevelOfAnUnconfiguredNode_StoredWithoutEvents()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Level(1, DateTimeOffset.UtcNow.AddMinutes(-1), 9000));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal(1, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM readings"));
        Assert.Equal(0, StoreFile.Scalar(gateway.DbPath, "SELECT COUNT(*) FROM events"));
    }

    // A frame of one water level reading in metres, encoded by the firmware's own encoder (values in milli-units).
    private static byte[] Level(long seq, DateTimeOffset observed, long millimetres)
    {
        var encoder = new SenmlFrameEncoder(Frames.Device, new byte[256]);
        var length = encoder.EncodeMilli(
            "water-level", "m", 1, [seq], [observed.ToUnixTimeMilliseconds()], [millimetres], [0], [ClockQualities.Ntp]);
        return encoder.Buffer[..length];
    }
}
