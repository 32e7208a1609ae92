namespace Edge.Gateway.Tests.Support;

/// <summary>Command-line settings for a gateway under test: its own data dir, port 0, two devices.</summary>
internal static class GatewayConfig
{
    public const string GatewayId = "gw-test";
    public const string Password1 = "secret-1";
    public const string Device2 = "pm-000002";
    public const string Password2 = "secret-2";

    public static Dictionary<string, string> Defaults(string dataDir) => new()
    {
        ["Edge:Gateway:Id"] = GatewayId,
        ["Edge:Gateway:DataDir"] = dataDir,
        ["Edge:Gateway:Mqtt:Port"] = "0",
        ["Edge:Gateway:Health:Port"] = "0",
        ["Edge:Gateway:Devices:0:Id"] = Frames.Device,
        ["Edge:Gateway:Devices:0:Password"] = Password1,
        ["Edge:Gateway:Devices:1:Id"] = Device2,
        ["Edge:Gateway:Devices:1:Password"] = Password2,
        ["Edge:Gateway:CounterLogInterval"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static string[] Args(Dictionary<string, string> settings) => [.. settings.Select(kv => $"--{kv.Key}={kv.Value}")];
}
