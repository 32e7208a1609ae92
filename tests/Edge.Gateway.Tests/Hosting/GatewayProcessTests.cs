using System.Text.Json;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Gateway.Tests.Uplink;
using MQTTnet;

namespace Edge.Gateway.Tests.Hosting;

/// <summary>The gateway as a child process: configuration sources, ready line, SIGKILL and SIGTERM.</summary>
public sealed class GatewayProcessTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DbPath => Path.Combine(_dir.Path, "data", GatewayDatabase.FileName);

    [Fact]
    public async Task Run_ConfigFromFileEnvironmentAndCommandLine_PrintsReadyLineAndStoresFrames()
    {
        // Devices from --config, data dir from EDGE_*, id and port from the command line.
        var config = _dir.File("gateway.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Edge = new { Gateway = new { Devices = new[] { new { Id = Frames.Device, Password = GatewayConfig.Password1 } } } },
        }));
        var environment = new Dictionary<string, string> { ["EDGE_GATEWAY__DATADIR"] = Path.Combine(_dir.Path, "data") };

        await using var gateway = await GatewayProcess.StartAsync(
            ["--config", config, "--Edge:Gateway:Id=gw-proc", "--Edge:Gateway:Mqtt:Port=0"], environment);
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        Assert.Equal($"gateway ready mqtt=127.0.0.1:{gateway.Port}", gateway.ReadyLine);
        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal([17L, 18L], StoreFile.Rows(DbPath).Select(r => r.Seq));
    }

    [Fact]
    public async Task Restart_AfterSigkillWithABatchPending_ResendsTheSameBatch()
    {
        await using var ingest = await FakeIngest.StartAsync();
        var acknowledge = false;
        ingest.Responder = _ => Task.FromResult(Volatile.Read(ref acknowledge) ? 200 : 503);
        var args = Args(ingest.Url);

        await using (var first = await GatewayProcess.StartAsync(args))
        {
            using var device = await DeviceClient.ConnectAsync(first.Port, Frames.Device, GatewayConfig.Password1);
            await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);
            await Wait.UntilAsync(() => ingest.Received.Count >= 1, TimeSpan.FromSeconds(30), "the first attempt");
            await first.KillAsync();
        }

        var sent = ingest.Received[0];
        Assert.Equal(2, StoreFile.Rows(DbPath).Count);
        Volatile.Write(ref acknowledge, true);

        await using var second = await GatewayProcess.StartAsync(args);
        await Wait.UntilAsync(() => ingest.Received.Any(r => r.Status == 200), TimeSpan.FromSeconds(30), "the resend");
        await Wait.UntilAsync(() => StoreFile.Rows(DbPath).Count == 0, TimeSpan.FromSeconds(30), "the rows to leave the store");

        var resent = ingest.Received.First(r => r.Status == 200);
        Assert.True(sent.Batch is not null, sent.DecodeError);
        Assert.Equal(sent.Batch.Sequence, resent.Batch?.Sequence);
        Assert.Equal(sent.Body, resent.Body);
    }

    [Fact]
    public async Task Sigterm_Running_StopsGracefullyWithExitCodeZero()
    {
        await using var gateway = await GatewayProcess.StartAsync(Args(ingestUrl: null));
        using (var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1))
        {
            await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);
        }

        var exit = await gateway.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, gateway.Output);
        Assert.Equal(2, StoreFile.Rows(DbPath).Count);
    }

    [Fact]
    public async Task Start_CorruptDatabase_MovesItAsideLogsOneErrorAndServes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await File.WriteAllTextAsync(DbPath, string.Concat(Enumerable.Repeat("garbage, not SQLite ", 500)));

        await using var gateway = await GatewayProcess.StartAsync(Args(ingestUrl: null));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(DbPath)!, "gateway.corrupt-*.db"));
        Assert.Single(gateway.Output.Split('\n'), line => line.Contains("is corrupt", StringComparison.Ordinal) && line.Contains("fail:", StringComparison.Ordinal));
        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Equal(2, StoreFile.Rows(DbPath).Count);
    }

    [Fact]
    public async Task Start_WithoutGatewayId_ExitsWithTheReason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(["--Edge:Gateway:DataDir=" + _dir.Path]));

        Assert.Contains("the gateway exited with 2 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("edge-gateway: configuration error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Edge:Gateway:Id is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreadableNumberInConfiguration_ExitsWithTheKey()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(
            ["--Edge:Gateway:Id=gw-proc", "--Edge:Gateway:DataDir=" + _dir.Path, "--Edge:Gateway:Mqtt:Port=abc"]));

        Assert.Contains("the gateway exited with 2 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("edge-gateway: configuration error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Edge:Gateway:Mqtt:Port", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    private string[] Args(string? ingestUrl)
    {
        var settings = GatewayConfig.Defaults(Path.Combine(_dir.Path, "data"));
        if (ingestUrl is not null)
        {
            UplinkServiceTests.Fast(settings, ingestUrl);
        }

        return GatewayConfig.Args(settings);
    }
}
