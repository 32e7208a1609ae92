using System.Text;
using Edge.Uplink.Control;

namespace Edge.Uplink.Tests.Control;

/// <summary>The desired configuration document (CONTROL.md): strict reading, every defect named, compact writing.</summary>
public sealed class DesiredConfigJsonTests
{
    private const string Full = """
        {
          "version": 7,
          "disasterMode": { "on": true, "since": "2026-11-26T04:00:00Z", "reason": "震度6強 伊豆大島" },
          "normal": { "samplingSeconds": 3600, "reportingSeconds": 3600 },
          "disaster": {
            "samplingSeconds": 300, "reportingSeconds": 900,
            "classes": { "reading": { "ttlDays": 60, "share": 0.5 } },
            "links": { "iridium": { "allow": ["alarm", "status", "reading", "gap"], "dailyBytes": 100000, "monthlyBytes": 2000000 } }
          }
        }
        """;

    private static DesiredConfig? Parse(string json, out IReadOnlyList<string> errors) => DesiredConfigJson.Parse(Encoding.UTF8.GetBytes(json), out errors);

    [Fact]
    public void Parse_FullDocument_ReadsEveryField()
    {
        var config = Parse(Full, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(config);
        Assert.Equal(7, config.Version);
        Assert.Equal(new DisasterModeSetting(true, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero), "震度6強 伊豆大島"), config.DisasterMode);
        Assert.Equal((3600, 3600), (config.Normal!.SamplingSeconds, config.Normal.ReportingSeconds));
        Assert.Equal((300, 900), (config.Disaster!.SamplingSeconds, config.Disaster.ReportingSeconds));
        Assert.Equal(new ClassSetting(60, 0.5), config.Disaster.Classes["reading"]);
        var iridium = config.Disaster.Links["iridium"];
        Assert.Equal(["alarm", "status", "reading", "gap"], iridium.Allow);
        Assert.Equal((100000L, 2000000L), (iridium.DailyBytes, iridium.MonthlyBytes));
        Assert.Same(config.Disaster, config.For(true));
        Assert.Same(config.Normal, config.For(false));
    }

    [Fact]
    public void Write_ThenParse_SameDocument()
    {
        var config = Parse(Full, out _)!;

        var again = Parse(Encoding.UTF8.GetString(DesiredConfigJson.Write(config)), out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(DesiredConfigJson.Write(config), DesiredConfigJson.Write(again));
        Assert.Equal(config.DisasterMode, again.DisasterMode);
        Assert.Equal(config.Disaster!.Links["iridium"].Allow, again.Disaster!.Links["iridium"].Allow);
    }

    [Fact]
    public void Write_DisasterSwitchOnly_IsTheMinimalJson()
    {
        var config = new DesiredConfig(3, new DisasterModeSetting(true, null, null), null, null);

        Assert.Equal("""{"version":3,"disasterMode":{"on":true}}""", Encoding.UTF8.GetString(DesiredConfigJson.Write(config)));
    }

    [Theory]
    [InlineData("""{"disasterMode":{"on":true}}""", "$.version: required")]
    [InlineData("""{"version":0,"disasterMode":{"on":true}}""", "$.version: must be an integer of at least 1")]
    [InlineData("""{"version":1.5,"disasterMode":{"on":true}}""", "$.version: must be an integer of at least 1")]
    [InlineData("""{"version":1}""", "$.disasterMode: required")]
    [InlineData("""{"version":1,"disasterMode":true}""", "$.disasterMode: must be an object {\"on\": true|false, \"since\"?, \"reason\"?}")]
    [InlineData("""{"version":1,"disasterMode":{"on":"yes"}}""", "$.disasterMode.on: required, true or false")]
    [InlineData("""{"version":1,"disasterMode":{"on":true,"since":"yesterday"}}""", "$.disasterMode.since: must be an ISO 8601 instant such as 2026-11-26T04:00:00Z")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"colour":"red"}""", "$.colour: unknown member; allowed: version, disasterMode, normal, disaster")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"disaster":{"samplingSeconds":5}}""", "$.disaster.samplingSeconds: must be an integer from 10 to 86400")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"disaster":{"samplingSeconds":600,"reportingSeconds":300}}""", "$.disaster.reportingSeconds: 300 is shorter than samplingSeconds 600")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"normal":{"classes":{"bulk":{"ttlDays":3}}}}""", "$.normal.classes.bulk: unknown class; one of alarm, status, reading, backfill")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"normal":{"classes":{"alarm":{"ttlDays":0}}}}""", "$.normal.classes.alarm.ttlDays: must be above 0 and at most 3650")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"normal":{"classes":{"alarm":{"share":1.5}}}}""", "$.normal.classes.alarm.share: must be between 0 and 1")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"disaster":{"links":{"Iridium":{}}}}""", "$.disaster.links.Iridium: a link name is 1-32 of a-z, 0-9 and '-'")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"disaster":{"links":{"iridium":{"allow":["bulk"]}}}}""", "$.disaster.links.iridium.allow: \"bulk\" is not one of alarm, status, reading, backfill, gap")]
    [InlineData("""{"version":1,"disasterMode":{"on":true},"disaster":{"links":{"iridium":{"dailyBytes":-1}}}}""", "$.disaster.links.iridium.dailyBytes: must be an integer of at least 0")]
    public void Parse_OneDefect_NamedByItsPathAndNothingReturned(string json, string expected)
    {
        var config = Parse(json, out var errors);

        Assert.Null(config);
        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Parse_SeveralDefects_AllListed()
    {
        var config = Parse("""{"version":-3,"disasterMode":{"on":1},"normal":{"samplingSeconds":1}}""", out var errors);

        Assert.Null(config);
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Parse_NotJson_OneError()
    {
        var config = Parse("{\"version\":", out var errors);

        Assert.Null(config);
        Assert.StartsWith("$: not valid JSON", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutVersionWhenNotRequired_ReadsAsZero()
    {
        var config = DesiredConfigJson.Parse("""{"disasterMode":{"on":false}}"""u8, requireVersion: false, out var errors);

        Assert.Empty(errors);
        Assert.Equal(0, config!.Version);
    }
}
