namespace Edge.Uplink.Tests.Json;

public sealed class BatchJsonDeserializeTests
{
    /// <summary>A one-point batch in JSON with the point's fields replaced by <paramref name="point"/>.</summary>
    internal static string OnePoint(string point) => $$"""
        {"version":1,"gatewayId":"gw","sequence":3,"createdAt":"2026-11-01T00:00:00Z",
         "devices":[{"deviceId":"pm-1","channels":[{"channel":"volume","unit":"l","points":[{{point}}]}]}]}
        """;

    internal static string Values(params string[] values) => $$"""
        {"version":1,"gatewayId":"gw","sequence":3,"createdAt":"2026-11-01T00:00:00Z",
         "devices":[{"deviceId":"pm-1","channels":[{"channel":"volume","unit":"l","points":[
         {{string.Join(",", values.Select((v, i) => $$"""{"seq":{{i}},"observedAt":"2026-11-01T00:00:00Z","value":{{v}},"clockQuality":"ntp","flags":0}"""))}}
         ]}]}]}
        """;

    [Fact]
    public void Deserialize_MixedDecimals_ChannelScaleIsLargest()
    {
        var run = BatchJson.Deserialize(Values("1.5", "2.25", "3", "-0.01")).Devices[0].Channels[0];

        Assert.Equal(2, run.Scale);
        Assert.Equal([150L, 225L, 300L, -1L], run.Points.Select(p => p.Mantissa));
    }

    [Theory]
    [InlineData("1.5e2", 0, 150)]
    [InlineData("125E-2", 2, 125)]
    [InlineData("-0", 0, 0)]
    [InlineData("0.000000000000000001", 18, 1)]
    [InlineData("1.0000000000000000000", 18, 1_000_000_000_000_000_000)]
    [InlineData("9223372036854775807", 0, long.MaxValue)]
    [InlineData("-9.223372036854775808", 18, long.MinValue)]
    public void Deserialize_NumberForms_ExactMantissa(string value, int scale, long mantissa)
    {
        var run = BatchJson.Deserialize(Values(value)).Devices[0].Channels[0];

        Assert.Equal((scale, mantissa), (run.Scale, run.Points[0].Mantissa));
    }

    [Fact]
    public void Deserialize_TimeWithOffsetAndNoFraction_ConvertedToUtc()
    {
        var json = OnePoint("""{"seq":1,"observedAt":"2026-11-01T09:00:00+09:00","value":1,"clockQuality":"gnss","flags":0}""");

        var point = BatchJson.Deserialize(json).Devices[0].Channels[0].Points[0];

        Assert.Equal(1_793_491_200_000, point.ObservedUnixMs); // 2026-11-01T00:00:00Z
    }

    [Fact]
    public void Deserialize_MissingEventsAndGaps_Empty()
    {
        var batch = BatchJson.Deserialize("""{"version":1,"gatewayId":"gw","sequence":0,"createdAt":"2026-11-01T00:00:00.000Z","devices":[]}""");

        Assert.Empty(batch.Events);
        Assert.Empty(batch.Gaps);
    }

    [Fact]
    public void Deserialize_EventDetail_NullOrText()
    {
        var batch = BatchJson.Deserialize("""
            {"version":1,"gatewayId":"gw","sequence":0,"createdAt":"2026-11-01T00:00:00Z","devices":[],
             "events":[{"deviceId":"a","observedAt":"2026-11-01T00:00:00Z","kind":"leak","detail":null},
                       {"deviceId":"b","observedAt":"2026-11-01T00:00:00.001Z","kind":"burst","detail":"120 l/h"}]}
            """);

        Assert.Equal(
            [new BatchEvent("a", 1_793_491_200_000, "leak", null), new BatchEvent("b", 1_793_491_200_001, "burst", "120 l/h")],
            batch.Events);
    }
}
