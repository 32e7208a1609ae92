using System.Text;
using System.Text.Json;
using Edge.Ingest.Apis.ThirdParty;

namespace Edge.Ingest.Tests.Apis.ThirdParty;

public sealed class ThirdPartyReadingParserTests
{
    private const string Valid = """
        {
          "format": "edge.readings/1",
          "source": "vendor-x",
          "readings": [
            { "deviceId": "tp-1", "time": "2026-06-01T09:00:00+09:00", "channel": "volume", "value": 123.456, "unit": "m3", "seq": 17 },
            { "deviceId": "tp-2", "time": "2026-06-01T00:00:00Z", "channel": "temp", "value": -0.5, "unit": "Cel" }
          ]
        }
        """;

    private static ThirdPartyParseResult Parse(string json, int max = 1000) =>
        ThirdPartyReadingParser.Parse(Encoding.UTF8.GetBytes(json), max);

    [Fact]
    public void Parse_ValidDocument_ExactMantissaScaleAndUtcTime()
    {
        var result = Parse(Valid);

        Assert.Empty(result.Errors);
        Assert.Equal("vendor-x", result.Source);
        Assert.Equal(
        [
            new ThirdPartyReading("tp-1", "volume", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), 123456, 3, "m3", 17),
            new ThirdPartyReading("tp-2", "temp", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), -5, 1, "Cel", null),
        ], result.Readings!);
    }

    [Theory]
    [InlineData("\"value\": 123.456", "\"value\": \"123.456\"", "$.readings[0].value", "Expected a number, found a string")]
    [InlineData("\"value\": 123.456", "\"value\": 0.0000000000000000001", "$.readings[0].value", "18 decimals")]
    [InlineData("\"value\": 123.456", "\"value\": 12345678901234567890", "$.readings[0].value", "19 significant digits")]
    [InlineData("+09:00\"", "\"", "$.readings[0].time", "with offset")]
    [InlineData("\"unit\": \"m3\"", "\"Unit\": \"m3\"", "$.readings[0].Unit", "Unknown member")]
    [InlineData("\"unit\": \"m3\"", "\"Unit\": \"m3\"", "$.readings[0].unit", "Required member is missing")]
    [InlineData("\"seq\": 17", "\"seq\": -1", "$.readings[0].seq", "from 0 to 2^63-1")]
    [InlineData("\"seq\": 17", "\"seq\": 1.5", "$.readings[0].seq", "whole number")]
    [InlineData("edge.readings/1", "edge.readings/2", "$.format", "this service reads 'edge.readings/1'")]
    [InlineData("\"deviceId\": \"tp-2\"", "\"deviceId\": \"\"", "$.readings[1].deviceId", "Must not be empty")]
    [InlineData("\"channel\": \"temp\"", "\"channel\": 7", "$.readings[1].channel", "Expected a string, found a number")]
    [InlineData("\"source\": \"vendor-x\",", "\"source\": \"vendor-x\", \"extra\": true,", "$.extra", "Unknown member")]
    public void Parse_OneDefect_ErrorNamesItsPathAndNoReadings(string find, string replace, string path, string message)
    {
        var result = Parse(Valid.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(result.Readings);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MoreReadingsThanAllowed_ErrorOnReadings()
    {
        var error = Assert.Single(Parse(Valid, max: 1).Errors);

        Assert.Equal(("$.readings", "The document has 2 readings; at most 1 are accepted in one request."), (error.Path, error.Message));
    }

    [Theory]
    [InlineData("{ \"format\": \"edge.readings/1\", \"format\": \"x\", \"readings\": [] }")]
    [InlineData("{ \"format\": \"edge.readings/1\", \"readings\": [ ")]
    [InlineData("")]
    public void Parse_NotValidJson_SingleErrorAndNoReadings(string json)
    {
        var result = Parse(json);

        Assert.Null(result.Readings);
        Assert.StartsWith("Not valid JSON", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SixtyBadReadings_FiftyListedAndTheRestCounted()
    {
        var items = string.Join(",", Enumerable.Repeat("{ \"deviceId\": \"d\" }", 15));   // 4 missing members each
        var result = Parse($$"""{ "format": "edge.readings/1", "readings": [ {{items}} ] }""");

        Assert.Equal(ThirdPartyReadingParser.MaxListedErrors + 1, result.Errors.Count);
        Assert.Equal("10 more errors are not listed.", result.Errors[^1].Message);
    }

    [Theory]
    [InlineData("9223372036854775807", 9223372036854775807L, 0)]
    [InlineData("-0.000000000000000001", -1L, 18)]
    [InlineData("1.50", 150L, 2)]        // the scale as sent is kept: 1.50 has two decimals
    public void TrySplit_Representable_MantissaAndScale(string text, long mantissa, int scale)
    {
        Assert.True(ThirdPartyReadingParser.TrySplit(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), out var m, out var s));
        Assert.Equal((mantissa, scale), (m, s));
    }

    [Fact]
    public void TrySplit_AboveLongMax_False()
    {
        Assert.False(ThirdPartyReadingParser.TrySplit(9223372036854775808m, out _, out _));
    }

    [Fact]
    public void Parse_RequestModelSerialisedWithWebDefaults_AcceptedByTheParser()
    {
        // The OpenAPI model and the parser must describe the same document.
        var request = new ThirdPartyReadingsRequest(ThirdPartyReadingParser.Format, "vendor-x",
            [new ThirdPartyReadingItem("tp-1", new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(9)), "volume", 1.5m, "m3", 3)]);
        var json = JsonSerializer.SerializeToUtf8Bytes(request, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var result = ThirdPartyReadingParser.Parse(json, 10);

        Assert.Empty(result.Errors);
        Assert.Equal(new ThirdPartyReading("tp-1", "volume", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), 15, 1, "m3", 3),
            Assert.Single(result.Readings!));
    }
}
