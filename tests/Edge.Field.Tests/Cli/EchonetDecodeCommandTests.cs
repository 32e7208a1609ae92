using System.Text;
using System.Text.Json;
using Edge.Field.Tests.Support;
using Edge.Firmware.Tests.Conformance;

namespace Edge.Field.Tests.Cli;

/// <summary>
/// <c>edge-field decode --format echonet</c> run in process: hand-written frames (values worked out from the
/// APPENDIX definitions), the corpus frames of echonet.jsonl, batches on standard input and exit codes.
/// </summary>
public sealed class EchonetDecodeCommandTests
{
    // Get_Res from the smart meter 0x028801 to the controller: E7 = 0x0000055E W, E8 R 0x0000 T 0x0082 (0.1 A),
    // E0 = 0x00052155 (unit not known from this frame alone).
    private const string ThreeProperties = "1081000102880105FF017203E7040000055EE80400000082E00400052155";

    private static async Task<JsonElement> DecodeOk(string hex)
    {
        var (exitCode, text, error) = await CliRun.InvokeAsync("decode", "--format", "echonet", "--hex", hex);
        Assert.Equal((0, string.Empty), (exitCode, error));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Decode_EchonetHex_ServiceObjectsAndValues()
    {
        var root = await DecodeOk(ThreeProperties);
        Assert.Equal("echonet", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("tid").GetInt32());
        Assert.Equal("Get_Res", root.GetProperty("service").GetString());
        Assert.Equal("028801", root.GetProperty("seoj").GetString());
        Assert.Equal("low-voltage smart electric energy meter", root.GetProperty("seoj_class").GetString());
        Assert.Equal("controller", root.GetProperty("deoj_class").GetString());
        var p = root.GetProperty("properties");
        Assert.Equal(3, p.GetArrayLength());
        Assert.Equal("measured instantaneous electric power", p[0].GetProperty("name").GetString());
        Assert.Equal(1374m, p[0].GetProperty("value").GetProperty("value").GetDecimal());
        Assert.Equal("W", p[0].GetProperty("value").GetProperty("unit").GetString());
        Assert.Equal(13.0m, p[1].GetProperty("value").GetProperty("t").GetProperty("value").GetDecimal());
        Assert.Equal(0m, p[1].GetProperty("value").GetProperty("r").GetProperty("value").GetDecimal());
        var e0 = p[2].GetProperty("value");
        Assert.Equal(336213, e0.GetProperty("raw").GetInt64());
        Assert.False(e0.TryGetProperty("value", out _)); // no unit (0xE1) seen: no SI value invented
    }

    [Fact]
    public async Task Decode_EchonetStdin_UnitLineScalesLaterLinesAndBadLineReported()
    {
        // Line 1: D3 = 1, E1 = 0x01 (0.1 kWh). Line 2: E0 = 0xFE73 = 65139 → 6513.9 kWh = 23,450,040,000 J.
        var stdin = "1081000102880105FF017202D30400000001E10101\n\n1081000102880105FF017201E0040000FE73\n10810001\n";
        var (exitCode, text, _) = await CliRun.InvokeAsync(CliRun.Environment(Encoding.ASCII.GetBytes(stdin)), "decode", "--format", "echonet", "--stdin");

        Assert.Equal(2, exitCode);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var e0 = JsonDocument.Parse(lines[1]).RootElement.GetProperty("properties")[0].GetProperty("value");
        Assert.Equal(6513.9m, e0.GetProperty("value").GetDecimal());
        Assert.Equal("kWh", e0.GetProperty("unit").GetString());
        Assert.Equal(23450040000m, e0.GetProperty("value_j").GetDecimal());
        Assert.Contains("EDATA truncated", JsonDocument.Parse(lines[2]).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_EchonetSetGet_SectionsNamed()
    {
        var root = await DecodeOk("1081000505FF010288016E01E5010201E200");
        Assert.Equal("SetGet", root.GetProperty("service").GetString());
        Assert.Equal(1, root.GetProperty("opc_get").GetInt32());
        var p = root.GetProperty("properties");
        Assert.Equal("set", p[0].GetProperty("section").GetString());
        Assert.Equal(2, p[0].GetProperty("value").GetProperty("raw").GetInt32());
        Assert.Equal("get", p[1].GetProperty("section").GetString());
        Assert.False(p[1].TryGetProperty("value", out _));
    }

    [Fact]
    public async Task Decode_EchonetHistoryWithGaps_NullForNoData()
    {
        // Water meter 0x028101 E1 = 0x02 (0.01 m3), E2: slot 0 = 100 (1.00 m3), slots 1-47 "no data" 0xFFFFFFFE.
        var history = "00000064" + string.Concat(Enumerable.Repeat("FFFFFFFE", 47));
        var root = await DecodeOk("1081000402810105FF017202E10102E2C0" + history);
        var v = root.GetProperty("properties")[1].GetProperty("value");
        Assert.Equal("history", v.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, v.GetProperty("day").ValueKind);
        Assert.Equal(1.00m, v.GetProperty("values")[0].GetDecimal());
        Assert.Equal(JsonValueKind.Null, v.GetProperty("values")[1].ValueKind);
        Assert.Equal(48, v.GetProperty("raw").GetArrayLength());
    }

    [Fact]
    public async Task Decode_EchonetArbitraryFormat_RawEdata()
    {
        var root = await DecodeOk("10820007CAFE");
        Assert.Equal("82", root.GetProperty("ehd2").GetString());
        Assert.Equal("CAFE", root.GetProperty("edata").GetString());
    }

    [Fact]
    public async Task Decode_EchonetPropertyOutOfRange_ErrorOnThatPropertyOnly()
    {
        var root = await DecodeOk("1081000102880105FF017202800132E70400000001");
        var p = root.GetProperty("properties");
        Assert.Contains("outside", p[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, p[1].GetProperty("value").GetProperty("value").GetInt32());
    }

    [Theory]
    [InlineData("1081000102880105FF017201E0040000FE", "runs past the end")]
    [InlineData("10810001ZZ", "not hex")]
    [InlineData("1181000102880105FF017201800130", "unknown EHD1")]
    [InlineData("108300010288", "unknown EHD2")]
    public async Task Decode_EchonetBadFrame_Exit2WithError(string hex, string fragment)
    {
        var (exitCode, text, _) = await CliRun.InvokeAsync("decode", "--format", "echonet", "--hex", hex);
        Assert.Equal(2, exitCode);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_EchonetWithKey_Rejected()
    {
        var (exitCode, text, _) = await CliRun.InvokeAsync("decode", "--format", "echonet", "--hex", ThreeProperties, "--key", "00112233445566778899AABBCCDDEEFF");
        Assert.Equal(2, exitCode);
        Assert.Contains("wmbus only", text, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public async Task Decode_EchonetCorpusFrames_ServiceAndPropertiesAsRecorded()
    {
        ConformanceCorpus.Require();
        var frames = ConformanceCorpus.Lines("echonet.jsonl").Where(x => x.GetProperty("kind").GetString() == "echonet").ToArray();
        Assert.NotEmpty(frames);
        var stdin = string.Join("\n", frames.Select(x => x.GetProperty("hex").GetString()));
        var (exitCode, text, _) = await CliRun.InvokeAsync(CliRun.Environment(Encoding.ASCII.GetBytes(stdin)), "decode", "--format", "echonet", "--stdin");

        Assert.Equal(0, exitCode);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(frames.Length, lines.Length);
        for (var i = 0; i < frames.Length; i++)
        {
            var expected = frames[i].GetProperty("expected");
            var root = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(expected.GetProperty("esv_name").GetString(), root.GetProperty("service").GetString());
            Assert.Equal(expected.GetProperty("seoj").GetString(), root.GetProperty("seoj").GetString());
            Assert.Equal(expected.GetProperty("tid").GetInt32(), root.GetProperty("tid").GetInt32());
            var props = root.GetProperty("properties");
            var recorded = expected.GetProperty("props");
            Assert.Equal(recorded.GetArrayLength(), props.GetArrayLength());
            for (var k = 0; k < props.GetArrayLength(); k++)
            {
                Assert.Equal(recorded[k].GetProperty("epc").GetString(), props[k].GetProperty("epc").GetString());
                Assert.Equal(recorded[k].GetProperty("edt").GetString(), props[k].GetProperty("edt").GetString());
                Assert.False(props[k].TryGetProperty("error", out var e), $"line {i}: {e}");
                Assert.False(string.IsNullOrEmpty(props[k].GetProperty("name").GetString()));
            }
        }

        // Each instantaneous power the corpus asserts comes out as that many watts.
        var powers = frames.Select((x, i) => (x, i)).Where(t => t.x.GetProperty("expected").GetProperty("props")[0].GetProperty("epc").GetString() == "E7"
                && t.x.GetProperty("expected").GetProperty("props")[0].GetProperty("meaning").ValueKind == JsonValueKind.Object).ToArray();
        Assert.NotEmpty(powers);
        foreach (var (x, i) in powers)
        {
            var w = x.GetProperty("expected").GetProperty("props")[0].GetProperty("meaning").GetProperty("instantaneous_power_w").GetDecimal();
            var value = JsonDocument.Parse(lines[i]).RootElement.GetProperty("properties")[0].GetProperty("value").GetProperty("value").GetDecimal();
            Assert.Equal(w, value);
        }

    }
}
