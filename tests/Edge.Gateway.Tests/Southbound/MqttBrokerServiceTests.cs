using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace Edge.Gateway.Tests.Southbound;

public sealed class MqttBrokerServiceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Publish_ValidFrameMqtt5_PubackSuccessOnlyWhenRowsAreOnDisk()
    {
        // The example frame is from 2025-11-25: a long BackfillAfter keeps its readings class reading; its
        // reverse-flow flag is an alarm, which would be cut into a batch at once without a long alarm delay.
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            s["Edge:Gateway:Store:BackfillAfter"] = "3650.00:00:00";
            s["Edge:Gateway:Batch:AlarmMaxDelay"] = "01:00:00";
        });
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);
        var rows = StoreFile.Rows(gateway.DbPath); // read at once, through a connection of our own

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal(
            [
                new StoreFile.Row(Frames.Device, 17, "volume", "l", 1234, 0, 1_764_028_800_000, 2, 0, (int)DataClass.Reading, null),
                new StoreFile.Row(Frames.Device, 18, "volume", "l", 1240, 0, 1_764_032_400_000, 2, 1, (int)DataClass.Reading, null),
            ],
            rows);
        Assert.Equal(1, gateway.Counters.FramesAccepted);
    }

    [Fact]
    public async Task Publish_StoreWriteLockedByAnotherConnection_PubackWaitsUntilTheCommit()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        using var blocker = new SqliteConnection($"Data Source={gateway.DbPath};Pooling=False");
        blocker.Open();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE"; // takes SQLite's write lock: the gateway's commit must wait
            begin.ExecuteNonQuery();
        }

        var publish = device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);
        await Task.Delay(1500);
        Assert.False(publish.IsCompleted, "PUBACK arrived although the readings could not be committed");

        using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        var result = await publish.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal(2, StoreFile.Rows(gateway.DbPath).Count);
    }

    [Fact]
    public async Task Publish_MalformedFrameMqtt5_PayloadFormatInvalidAndNothingStored()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        // The FRAME.md example with one trailing byte.
        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Hex.Bytes(Frames.ExampleHex + "00"));

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
        Assert.Equal(0x99, (int)result.ReasonCode);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
        Assert.Equal(1, gateway.Counters.FramesRefused);
        Assert.True(device.IsConnected);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Connect_WrongPassword_IsRefused(MqttProtocolVersion version)
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);

        var result = await DeviceClient.ConnectResultAsync(gateway.Port, Frames.Device, "not-the-password", version);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task Connect_UnknownDevice_IsRefused()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);

        var result = await DeviceClient.ConnectResultAsync(gateway.Port, "pm-999999", GatewayConfig.Password1, MqttProtocolVersion.V500);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task Connect_RightPassword_IsAccepted()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);

        var result = await DeviceClient.ConnectResultAsync(gateway.Port, Frames.Device, GatewayConfig.Password1, MqttProtocolVersion.V500);

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    [Fact]
    public async Task Publish_TopicOfAnotherDevice_NotAuthorizedAndNothingStored()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, GatewayConfig.Device2, GatewayConfig.Password2);

        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Equal(0x87, (int)result.ReasonCode);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }

    [Fact]
    public async Task Publish_SameFrameTwice_StoredOnceAndBothAcknowledged()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        var first = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);
        var second = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        Assert.Equal((MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.Success), (first.ReasonCode, second.ReasonCode));
        Assert.Equal([17L, 18L], StoreFile.Rows(gateway.DbPath).Select(r => r.Seq));
        Assert.Equal((2L, 2L), (gateway.Counters.ReadingsStored, gateway.Counters.ReadingsDuplicate));
    }

    [Fact]
    public async Task Publish_StoreUnavailableMqtt5_UnspecifiedErrorAndNothingAcknowledged()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        await gateway.Host.Services.GetRequiredService<ReadingWriter>().StopAsync(CancellationToken.None);

        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        Assert.Equal(MqttClientPublishReasonCode.UnspecifiedError, result.ReasonCode);
        Assert.Equal(0x80, (int)result.ReasonCode);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }

    [Fact]
    public async Task Publish_StoreUnavailableMqtt311_ConnectionClosedWithoutPuback()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1, MqttProtocolVersion.V311);
        await gateway.Host.Services.GetRequiredService<ReadingWriter>().StopAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example));

        await Wait.UntilAsync(() => !device.IsConnected, TimeSpan.FromSeconds(10), "the gateway to close the connection");
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }

    [Fact]
    public async Task Publish_MalformedFrameMqtt311_AcknowledgedButCountedAndNothingStored()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1, MqttProtocolVersion.V311);

        // A 3.1.1 PUBACK carries no reason: the frame is acknowledged, logged, counted and dropped (FRAME.md).
        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Hex.Bytes("80"));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal(1, gateway.Counters.FramesRefused);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }
}
