using System.Globalization;
using System.Text.Json;
using Edge.Firmware.Tests.Conformance;
using Edge.Firmware.Wisun;

namespace Edge.Firmware.Tests.Wisun;

/// <summary>
/// Every ERXUDP line of echonet.jsonl parses to its recorded <c>erxudp</c> fields and payload (<c>hex</c>), and
/// every <c>kind=skstack</c> record's lines to its recorded events, EPANDESC and EINFO fields.
/// </summary>
public class SkStackConformanceTests
{
    private const string File = "echonet.jsonl";

    public static TheoryData<int> UdpLines => Matching(r => r.TryGetProperty("erxudp", out var e) && e.ValueKind == JsonValueKind.Object);

    public static TheoryData<int> SkStackRecords => Matching(r => r.GetProperty("kind").GetString() == "skstack");

    [ConformanceTheory]
    [MemberData(nameof(UdpLines))]
    public void Parse_ErxudpLine_GivesRecordedFields(int number)
    {
        var record = ConformanceCorpus.Line(File, number);
        var expected = record.GetProperty("erxudp");
        var line = Parse(record.GetProperty("erxudp_line").GetString()!);

        Assert.Equal(SkStackLineKind.ReceivedUdp, line.Kind);
        Assert.Equal(expected.GetProperty("sender").GetString(), line.TokenText(line.AddressToken));
        Assert.Equal(expected.GetProperty("dest").GetString(), line.TokenText(SkStackLine.DestinationToken));
        Assert.Equal(expected.GetProperty("rport").GetInt32(), line.RemotePort);
        Assert.Equal(expected.GetProperty("lport").GetInt32(), line.LocalPort);
        Assert.Equal(expected.GetProperty("sender_lla").GetString(), line.TokenText(SkStackLine.SenderLlaToken));
        var middle = expected.GetProperty("middle_tokens").EnumerateArray().Select(t => t.GetString()).ToArray();
        Assert.Equal(middle, Enumerable.Range(SkStackLine.SenderLlaToken + 1, line.MiddleCount).Select(line.TokenText).ToArray());
        Assert.Equal(expected.GetProperty("datalen").GetInt32(), line.DataLength);
        Assert.True(expected.GetProperty("data_hex_ok").GetBoolean());
        Assert.Equal(record.GetProperty("hex").GetString(), Convert.ToHexString(line.Data, 0, line.DataLength));
    }

    [ConformanceTheory]
    [MemberData(nameof(SkStackRecords))]
    public void Parse_SkStackRecord_GivesRecordedFields(int number)
    {
        var record = ConformanceCorpus.Line(File, number);
        var lines = record.GetProperty("erxudp_line").GetString()!.Split("\r\n").Select(Parse).ToArray();
        var expected = record.GetProperty("expected");
        var checkedKeys = 0;
        foreach (var key in expected.EnumerateObject())
        {
            switch (key.Name)
            {
                case "events":
                    CheckEvents(key.Value, lines);
                    break;
                case "epandesc":
                    CheckPanFields(key.Value, lines);
                    break;
                case "epandesc_parsed":
                    CheckPanParsed(key.Value, lines);
                    break;
                case "einfo":
                    CheckInfo(key.Value, lines);
                    break;
                default:
                    Assert.Fail("no check for recorded field " + key.Name);
                    break;
            }

            checkedKeys++;
        }

        Assert.True(checkedKeys > 0);
    }

    private static void CheckEvents(JsonElement events, SkStackLine[] lines)
    {
        var parsed = lines.Where(l => l.Kind == SkStackLineKind.Event).ToArray();
        var want = events.EnumerateArray().ToArray();
        Assert.Equal(want.Length, parsed.Length);
        for (var i = 0; i < want.Length; i++)
        {
            var num = want[i].GetProperty("num").GetString()!;
            Assert.Equal(int.Parse(num, NumberStyles.HexNumber, CultureInfo.InvariantCulture), parsed[i].EventNumber);
            var parameters = want[i].GetProperty("params").EnumerateArray().Select(p => p.GetString()).ToArray();
            Assert.Equal(parameters, Enumerable.Range(2, parsed[i].TokenCount - 2).Select(parsed[i].TokenText).ToArray());
        }
    }

    private static void CheckPanFields(JsonElement fields, SkStackLine[] lines)
    {
        Assert.Single(lines, l => l.Kind == SkStackLineKind.PanDescriptor);
        var parsed = lines.Where(l => l.Kind == SkStackLineKind.PanField).ToDictionary(l => l.TokenText(0), l => l.TokenText(1));
        foreach (var field in fields.EnumerateObject())
        {
            Assert.Equal(field.Value.GetString(), parsed[field.Name]);
        }

        Assert.Equal(fields.EnumerateObject().Count(), parsed.Count);
    }

    private static void CheckPanParsed(JsonElement want, SkStackLine[] lines)
    {
        var pan = new SkStackPanDescriptor();
        foreach (var l in lines.Where(l => l.Kind == SkStackLineKind.PanField))
        {
            pan.Apply(l);
        }

        Assert.True(pan.IsComplete);
        Assert.Equal(want.GetProperty("channel").GetInt32(), pan.Channel);
        Assert.Equal((int)Math.Round(want.GetProperty("channel_mhz").GetDouble() * 1000), SkStackRadio.ChannelKHz(pan.Channel));
        Assert.Equal(want.GetProperty("channel_page").GetInt32(), pan.ChannelPage);
        Assert.Equal(want.GetProperty("pan_id").GetInt32(), pan.PanId);
        Assert.Equal(want.GetProperty("mac").GetString(), pan.Address.ToString("X16", CultureInfo.InvariantCulture));
        Assert.Equal((int)Math.Round(want.GetProperty("rssi_dbm").GetDouble() * 1000), SkStackRadio.LqiToRssiMilliDbm(pan.Lqi));
        Assert.Equal(want.GetProperty("pairing_id").GetString(), pan.PairId.ToString("X8", CultureInfo.InvariantCulture));
    }

    private static void CheckInfo(JsonElement want, SkStackLine[] lines)
    {
        var info = Assert.Single(lines, l => l.Kind == SkStackLineKind.Info);
        Assert.Equal(want.GetProperty("link_local").GetString(), info.TokenText(info.AddressToken));
        Assert.Equal(want.GetProperty("mac").GetString(), info.TokenText(2));
        Assert.Equal(want.GetProperty("channel").GetInt32(), info.Channel);
        Assert.Equal(want.GetProperty("pan_id").GetInt32(), info.PanId);
        Assert.Equal(want.GetProperty("addr16").GetInt32(), info.ShortAddress);
    }

    private static SkStackLine Parse(string text)
    {
        var line = new SkStackLine();
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);
        line.Parse(bytes, bytes.Length);
        return line;
    }

    private static TheoryData<int> Matching(Func<JsonElement, bool> wanted)
    {
        var data = new TheoryData<int>();
        var lines = ConformanceCorpus.Lines(File);
        for (var i = 0; i < lines.Count; i++)
        {
            if (wanted(lines[i]))
            {
                data.Add(i + 1);
            }
        }

        if (data.Count == 0)
        {
            data.Add(-1);
        }

        return data;
    }
}
