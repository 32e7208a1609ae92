using System.Text.Json;
using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests.Json;

public sealed class BatchJsonRoundTripTests
{
    [Theory]
    [InlineData("tiny")]
    [InlineData("hourly")]
    [InlineData("awkward")]
    [InlineData("only-gaps")]
    public void Deserialize_SerializedSample_ReturnsSameBatch(string name)
    {
        var batch = name switch
        {
            "tiny" => SampleBatches.Tiny(),
            "hourly" => SampleBatches.Hourly(meters: 10, hours: 24),
            "awkward" => SampleBatches.Awkward(),
            _ => SampleBatches.OnlyGaps(),
        };

        BatchAssert.Equal(batch, BatchJson.Deserialize(BatchJson.Serialize(batch)));
    }

    [Fact]
    public void Serialize_Tiny_HasDocumentedShape()
    {
        using var doc = JsonDocument.Parse(BatchJson.Serialize(SampleBatches.Tiny()));
        var root = doc.RootElement;
        var point = root.GetProperty("devices")[0].GetProperty("channels")[0].GetProperty("points")[0];
        var gap = root.GetProperty("gaps")[0];

        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("gw1", root.GetProperty("gatewayId").GetString());
        Assert.Equal(5, root.GetProperty("sequence").GetInt64());
        Assert.Equal("1970-01-01T00:00:01.000Z", root.GetProperty("createdAt").GetString());
        Assert.Equal("d1", root.GetProperty("devices")[0].GetProperty("deviceId").GetString());
        Assert.Equal("volume", root.GetProperty("devices")[0].GetProperty("channels")[0].GetProperty("channel").GetString());
        Assert.Equal("l", root.GetProperty("devices")[0].GetProperty("channels")[0].GetProperty("unit").GetString());
        Assert.Equal(17, point.GetProperty("seq").GetInt64());
        Assert.Equal("1970-01-01T01:00:00.000Z", point.GetProperty("observedAt").GetString());
        Assert.Equal(JsonValueKind.Number, point.GetProperty("value").ValueKind);
        Assert.Equal("12.345", point.GetProperty("value").GetRawText());
        Assert.Equal("gnss", point.GetProperty("clockQuality").GetString());
        Assert.Equal(0, point.GetProperty("flags").GetInt32());
        Assert.Equal("leak", root.GetProperty("events")[0].GetProperty("kind").GetString());
        Assert.False(root.GetProperty("events")[0].TryGetProperty("detail", out _));
        Assert.Equal("d2", gap.GetProperty("deviceIds")[0].GetString());
        Assert.Equal("1970-01-01T00:00:00.000Z", gap.GetProperty("from").GetString());
        Assert.Equal("1970-01-01T01:00:00.000Z", gap.GetProperty("to").GetString());
        Assert.Equal(2, gap.GetProperty("count").GetInt64());
        Assert.Equal("ttl", gap.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(12345, 3, "12.345")]
    [InlineData(12340, 3, "12.340")]
    [InlineData(-5, 3, "-0.005")]
    [InlineData(5, 0, "5")]
    [InlineData(0, 2, "0.00")]
    [InlineData(long.MinValue, 18, "-9.223372036854775808")]
    [InlineData(long.MaxValue, 0, "9223372036854775807")]
    public void Serialize_Value_IsExactDecimal(long mantissa, int scale, string expected)
    {
        var batch = new Batch("gw", 1, 0, [new DeviceRun("d", [new ChannelRun("c", "", scale,
            [new ReadingPoint(1, 0, mantissa, ClockQuality.Ntp, 0)])])], [], []);

        using var doc = JsonDocument.Parse(BatchJson.Serialize(batch));

        Assert.Equal(expected, doc.RootElement.GetProperty("devices")[0].GetProperty("channels")[0]
            .GetProperty("points")[0].GetProperty("value").GetRawText());
    }

    [Theory]
    [InlineData(ClockQuality.Gnss, "gnss")]
    [InlineData(ClockQuality.Ntp, "ntp")]
    [InlineData(ClockQuality.Gateway, "gateway")]
    [InlineData(ClockQuality.RtcUnsynced, "rtc-unsynced")]
    public void Serialize_ClockQuality_IsDesignName(ClockQuality quality, string expected)
    {
        var batch = new Batch("gw", 1, 0, [new DeviceRun("d", [new ChannelRun("c", "", 0,
            [new ReadingPoint(1, 0, 0, quality, 0)])])], [], []);

        Assert.Contains($"\"clockQuality\": \"{expected}\"", BatchJson.Serialize(batch), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_UnicodeDeviceId_IsReadable() =>
        Assert.Contains("\"deviceId\": \"メーター-新宿-0001\"", BatchJson.Serialize(SampleBatches.Awkward()), StringComparison.Ordinal);
}
