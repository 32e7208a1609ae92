using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Sensors;

/// <summary>A bad sensor entry stops the real gateway process with the configuration-error line, not a crash.</summary>
public sealed class SensorConfigProcessTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Start_UnknownSensorKind_ExitsWithCode2AndTheReason()
    {
        var settings = GatewayConfig.Defaults(Path.Combine(_dir.Path, "data"));
        settings["Edge:Gateway:Sensors:0:Name"] = "roof";
        settings["Edge:Gateway:Sensors:0:Kind"] = "bme680";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(GatewayConfig.Args(settings)));

        Assert.Contains("the gateway exited with 2 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("edge-gateway: configuration error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Edge:Gateway:Sensors:0:Kind 'bme680'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }
}
