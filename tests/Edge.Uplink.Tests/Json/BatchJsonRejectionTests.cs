using static Edge.Uplink.Tests.Json.BatchJsonDeserializeTests;

namespace Edge.Uplink.Tests.Json;

public sealed class BatchJsonRejectionTests
{
    private const string GoodPoint = """{"seq":1,"observedAt":"2026-11-01T00:00:00.000Z","value":1.5,"clockQuality":"gnss","flags":0}""";

    private static void AssertRejected(string json, string expectedMessage, BatchDecodeOptions? options = null)
    {
        var ex = Assert.Throws<BatchFormatException>(() => options is null ? BatchJson.Deserialize(json) : BatchJson.Deserialize(json, options));
        Assert.Equal(expectedMessage, ex.Message);
    }

    [Fact]
    public void Deserialize_GoodPoint_Accepted() =>
        Assert.Equal(15, BatchJson.Deserialize(OnePoint(GoodPoint)).Devices[0].Channels[0].Points[0].Mantissa);

    [Fact]
    public void Deserialize_MissingObservedAt_Rejected() =>
        AssertRejected(OnePoint("""{"seq":1,"value":1,"clockQuality":"gnss","flags":0}"""),
            "JSON batch: missing field 'observedAt' at devices[0].channels[0].points[0]");

    [Fact]
    public void Deserialize_MissingGatewayId_Rejected() =>
        AssertRejected("""{"version":1,"sequence":0,"createdAt":"2026-11-01T00:00:00Z","devices":[]}""",
            "JSON batch: missing field 'gatewayId' at $");

    [Theory]
    [InlineData("2026-11-01 00:00:00Z", "is not an ISO-8601 time with offset (e.g. 2026-11-01T00:00:00.000Z)")]
    [InlineData("2026-11-01T00:00:00", "is not an ISO-8601 time with offset (e.g. 2026-11-01T00:00:00.000Z)")]
    [InlineData("2026-02-30T00:00:00Z", "is not an ISO-8601 time with offset (e.g. 2026-11-01T00:00:00.000Z)")]
    [InlineData("2026-11-01T00:00:00.0005Z", "has sub-millisecond precision")]
    [InlineData("0001-01-01T00:00:00+01:00", "is outside years 0001-9999")]
    public void Deserialize_BadTime_Rejected(string time, string reason) =>
        AssertRejected(OnePoint(GoodPoint.Replace("2026-11-01T00:00:00.000Z", time, StringComparison.Ordinal)),
            $"JSON batch: time '{time}' {reason} at devices[0].channels[0].points[0].observedAt");

    [Fact]
    public void Deserialize_NineteenDecimals_Rejected() =>
        AssertRejected(Values("0.0000000000000000001"),
            "JSON batch: value 0.0000000000000000001 has 19 decimals; at most 18 are allowed at devices[0].channels[0].points[0].value");

    [Fact]
    public void Deserialize_ValueBeyondInt64_Rejected() =>
        AssertRejected(Values("9223372036854775808"),
            "JSON batch: value 9223372036854775808 does not fit in a 64-bit mantissa at devices[0].channels[0].points[0].value");

    [Fact]
    public void Deserialize_ValueOverflowsAtChannelScale_Rejected() =>
        AssertRejected(Values("9223372036854775807", "0.5"),
            "JSON batch: value does not fit in a 64-bit mantissa at the channel's scale 1 at devices[0].channels[0].points[0].value");

    [Fact]
    public void Deserialize_ValueAsString_Rejected() =>
        AssertRejected(Values("\"12.5\""), "JSON batch: expected Number, found String at devices[0].channels[0].points[0].value");

    [Fact]
    public void Deserialize_UnknownClockQuality_Rejected() =>
        AssertRejected(OnePoint(GoodPoint.Replace("gnss", "GPS", StringComparison.Ordinal)),
            "JSON batch: clock quality 'GPS' is not one of gnss, ntp, gateway, rtc-unsynced at devices[0].channels[0].points[0].clockQuality");

    [Fact]
    public void Deserialize_FlagsNotInteger_Rejected() =>
        AssertRejected(OnePoint(GoodPoint.Replace("\"flags\":0", "\"flags\":0.5", StringComparison.Ordinal)),
            "JSON batch: expected a 32-bit integer at devices[0].channels[0].points[0].flags");

    [Fact]
    public void Deserialize_Version2_Rejected() =>
        AssertRejected(OnePoint(GoodPoint).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal),
            "JSON batch: unsupported batch format version 2 at version");

    [Fact]
    public void Deserialize_NegativeSequence_Rejected() =>
        AssertRejected(OnePoint(GoodPoint).Replace("\"sequence\":3", "\"sequence\":-3", StringComparison.Ordinal),
            "JSON batch: batch sequence is negative at sequence");

    [Fact]
    public void Deserialize_EmptyDeviceId_Rejected() =>
        AssertRejected(OnePoint(GoodPoint).Replace("\"pm-1\"", "\"\"", StringComparison.Ordinal),
            "JSON batch: text is empty at devices[0].deviceId");

    [Fact]
    public void Deserialize_GapEndingBeforeStart_Rejected() =>
        AssertRejected("""
            {"version":1,"gatewayId":"gw","sequence":0,"createdAt":"2026-11-01T00:00:00Z","devices":[],
             "gaps":[{"deviceIds":["a"],"from":"2026-11-02T00:00:00Z","to":"2026-11-01T00:00:00Z","count":1,"reason":"ttl"}]}
            """, "JSON batch: gap ends before it starts at gaps[0].to");

    [Fact]
    public void Deserialize_DuplicateProperty_Rejected() =>
        Assert.Throws<BatchFormatException>(() => BatchJson.Deserialize(OnePoint(GoodPoint).Replace("\"sequence\":3", "\"sequence\":3,\"sequence\":4", StringComparison.Ordinal)));

    [Fact]
    public void Deserialize_EscapedLoneSurrogate_Rejected() =>
        AssertRejected(OnePoint(GoodPoint).Replace("\"pm-1\"", "\"pm-\\uD83D\"", StringComparison.Ordinal),
            "JSON batch: text is not valid Unicode at devices[0].deviceId");

    [Fact]
    public void Deserialize_NotJson_Rejected()
    {
        var ex = Assert.Throws<BatchFormatException>(() => BatchJson.Deserialize("{\"version\":1,"));
        Assert.StartsWith("JSON batch: not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RootIsArray_Rejected() =>
        AssertRejected("[]", "JSON batch: expected an object, found Array at ");

    [Fact]
    public void Deserialize_OverMaxReadings_Rejected() =>
        AssertRejected(Values("1", "2", "3"), "JSON batch: batch exceeds the limit of 2 readings at devices[0].channels[0].points[2]",
            new BatchDecodeOptions { MaxReadings = 2 });

    [Fact]
    public void Serialize_InvalidBatch_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => BatchJson.Serialize(new Batch("gw", 1, BatchLimits.MinUnixMs - 1, [], [], [])));
}
