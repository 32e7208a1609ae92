using System.Diagnostics;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Southbound;

/// <summary>Publishes with mosquitto_pub (MQTT 3.1.1, QoS 1): a client we did not write.</summary>
public sealed class MosquittoInteropTests : IDisposable
{
    private const string MosquittoPub = "/usr/bin/mosquitto_pub";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task MosquittoPub_ValidFrameMqtt311_IsStored()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        var payload = _dir.File("frame.cbor");
        await File.WriteAllBytesAsync(payload, Frames.Example);

        var (exit, output) = await RunAsync(gateway.Port, Frames.Device, GatewayConfig.Password1, payload);

        Assert.True(exit == 0, output);
        Assert.Equal([(17L, 1234L), (18L, 1240L)], StoreFile.Rows(gateway.DbPath).Select(r => (r.Seq, r.Mantissa)));
    }

    [Fact]
    public async Task MosquittoPub_MalformedFrameMqtt311_IsCountedAndNotStored()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        var payload = _dir.File("frame.cbor");
        await File.WriteAllBytesAsync(payload, Hex.Bytes("A1 00 00"));

        var (exit, output) = await RunAsync(gateway.Port, Frames.Device, GatewayConfig.Password1, payload);

        Assert.True(exit == 0, output);
        Assert.Equal(1, gateway.Counters.FramesRefused);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }

    [Fact]
    public async Task MosquittoPub_WrongPassword_FailsAndNothingStored()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);
        var payload = _dir.File("frame.cbor");
        await File.WriteAllBytesAsync(payload, Frames.Example);

        var (exit, _) = await RunAsync(gateway.Port, Frames.Device, "wrong", payload);

        Assert.NotEqual(0, exit);
        Assert.Empty(StoreFile.Rows(gateway.DbPath));
    }

    private static async Task<(int Exit, string Output)> RunAsync(int port, string user, string password, string payloadFile)
    {
        var start = new ProcessStartInfo(MosquittoPub)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", "mqttv311", "-q", "1",
            "-i", user, "-u", user, "-P", password, "-t", DeviceClient.Topic(user), "-f", payloadFile,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
