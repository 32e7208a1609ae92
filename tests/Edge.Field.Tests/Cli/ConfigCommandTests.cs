using System.Text.Json;
using Edge.Field.Tests.Support;

namespace Edge.Field.Tests.Cli;

public sealed class ConfigCommandTests
{
    [Fact]
    public async Task Config_Valid_PrintsJsonMirroringPulseMeterConfig()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync("config", "--device-id", "pm-000123", "--litres-per-pulse", "10");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("pm-000123", root.GetProperty("deviceId").GetString());
        Assert.Equal(10_000, root.GetProperty("millilitresPerPulse").GetInt32());
        Assert.Equal(3600, root.GetProperty("readingIntervalSeconds").GetInt32());
        Assert.True(root.GetProperty("quadrature").GetBoolean());
        Assert.Equal(512, root.GetProperty("ringCapacity").GetInt32());
    }

    [Fact]
    public async Task Config_Options_OverrideDefaults()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(
            "config", "--device-id", "pm-9", "--litres-per-pulse", "0.25", "--reading-interval", "900", "--quadrature", "false");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(250, json.RootElement.GetProperty("millilitresPerPulse").GetInt32());
        Assert.Equal(900, json.RootElement.GetProperty("readingIntervalSeconds").GetInt32());
        Assert.False(json.RootElement.GetProperty("quadrature").GetBoolean());
    }

    [Fact]
    public async Task Config_ZeroLitresPerPulse_PlainWordsExit2()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync("config", "--device-id", "pm-000123", "--litres-per-pulse", "0");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: litres per pulse must be one of 0.001..1000 in steps of 0.001 (got 0)", error.TrimEnd());
    }

    [Fact]
    public async Task Config_SeveralProblems_EachOnItsOwnLine()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(
            "config", "--device-id", "pm/1", "--litres-per-pulse", "10", "--reading-interval", "5000");

        Assert.Equal(2, exitCode);
        var lines = error.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: device id must be", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("error: reading interval must be", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_MissingDeviceId_UsageError()
    {
        var (exitCode, _, _) = await CliRun.InvokeAsync("config", "--litres-per-pulse", "10");

        Assert.Equal(1, exitCode);
    }
}
