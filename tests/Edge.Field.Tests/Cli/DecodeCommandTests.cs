using System.Text;
using System.Text.Json;
using Edge.Field.Tests.Support;
using static Edge.Firmware.Tests.Frames.FrameHex;

namespace Edge.Field.Tests.Cli;

public sealed class DecodeCommandTests
{
    [Fact]
    public async Task Decode_ExampleHex_PrintsTableAndExits0()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync("decode", Example);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("device     pm-000001", lines);
        Assert.Contains("base time  2025-11-25T00:00:00Z (bt 1764028800)", lines);
        Assert.Contains("1  2025-11-25T00:00:00Z  volume   1234 l  17   ntp    -", lines);
        Assert.Contains("2  2025-11-25T01:00:00Z  volume   1240 l  18   ntp    reverse", lines);
    }

    [Fact]
    public async Task Decode_Json_PrintsDecodedFrame()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync("decode", Example, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("pm-000001", root.GetProperty("deviceId").GetString());
        Assert.Equal(1764028800, root.GetProperty("baseTime").GetInt64());
        var second = root.GetProperty("records")[1];
        Assert.Equal("2025-11-25T01:00:00Z", second.GetProperty("time").GetString());
        Assert.Equal(1240, second.GetProperty("value").GetInt64());
        Assert.Equal("l", second.GetProperty("unit").GetString());
        Assert.Equal(18UL, second.GetProperty("seq").GetUInt64());
        Assert.Equal("ntp", second.GetProperty("clockQuality").GetString());
        Assert.Equal("reverse", second.GetProperty("flagNames")[0].GetString());
    }

    [Fact]
    public async Task Decode_FloatValue_PrintsExactDecimalInTableAndJson()
    {
        // 2: float64 1234.567 (0x40934a449ba5e354): shown as the decimal the device meant, not the nearest double.
        var hex = Frame((8, Bn + Bt + Bu + N + "02fb40934a449ba5e354" + T0 + Seq17 + CqNtp));

        var (tableExit, table, _) = await CliRun.InvokeAsync("decode", hex);
        var (jsonExit, json, _) = await CliRun.InvokeAsync("decode", hex, "--json");

        Assert.Equal((0, 0), (tableExit, jsonExit));
        Assert.Contains("1  2025-11-25T00:00:00Z  volume   1234.567 l  17   ntp    -", table.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("\"value\": 1234.567,", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_MissingSeq_OneLineReasonExit2()
    {
        var hex = Frame((8, FirstPairs), (4, N + V1240 + T3600 + CqNtp));

        var (exitCode, output, error) = await CliRun.InvokeAsync("decode", hex);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: record 2: missing seq" + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("a0", "error: not a CBOR array (the frame starts with a map)")]
    [InlineData(Example + "ff", "error: trailing bytes after frame (1 byte after the end of the array)")]
    [InlineData("xyz", "error: input is not hex: unexpected character 'x' at position 1")]
    public async Task Decode_BadInput_ReasonWithoutStackTrace(string input, string expected)
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync("decode", input);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, error.TrimEnd());
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Decode_AtBinaryFile_Decodes()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, Bytes(Example));

            var (exitCode, output, _) = await CliRun.InvokeAsync("decode", "@" + path);

            Assert.Equal(0, exitCode);
            Assert.Contains("pm-000001", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Decode_AtMissingFile_Exit2()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync("decode", "@/nonexistent/frame.bin");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: cannot read file '/nonexistent/frame.bin'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_StdinBinary_Decodes()
    {
        var environment = CliRun.Environment(stdin: Bytes(Example));

        var (exitCode, output, _) = await CliRun.InvokeAsync(environment, "decode", "-", "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"deviceId\": \"pm-000001\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_StdinHexText_Decodes()
    {
        var environment = CliRun.Environment(stdin: Encoding.ASCII.GetBytes(Example + "\n"));

        var (exitCode, output, _) = await CliRun.InvokeAsync(environment, "decode", "-");

        Assert.Equal(0, exitCode);
        Assert.Contains("reverse", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_NoArgument_UsageError()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync("decode");

        Assert.Equal(1, exitCode);
        Assert.NotEqual(string.Empty, error);
    }
}
