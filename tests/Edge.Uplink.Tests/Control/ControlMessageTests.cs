using System.Text;
using Edge.Uplink.Control;

namespace Edge.Uplink.Tests.Control;

/// <summary>The SBD control messages: MT at most 270 bytes, MO at most 340 (Iridium 9602/9603 SBD limits).</summary>
public sealed class ControlMessageTests
{
    [Fact]
    public void Desired_DisasterSwitch_MarkerThenCompactJson()
    {
        var config = new DesiredConfig(12, new DisasterModeSetting(true, new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero), "quake"), null, null);

        var message = ControlMessage.Desired(config);

        var json = """{"version":12,"disasterMode":{"on":true,"since":"2026-11-26T04:00:00Z","reason":"quake"}}""";
        Assert.Equal([0xC1, .. Encoding.UTF8.GetBytes(json)], message);
        Assert.True(ControlMessage.TryUnwrap(message, ControlMessage.DesiredMarker, out var unwrapped));
        Assert.Equal(12, DesiredConfigJson.Parse(unwrapped, out _)!.Version);
        Assert.False(ControlMessage.TryUnwrap(message, ControlMessage.ReportedMarker, out _));
    }

    [Fact]
    public void Desired_Over270Bytes_Throws()
    {
        // A 200-character reason in three-byte characters is 600 bytes of UTF-8.
        var config = new DesiredConfig(1, new DisasterModeSetting(true, null, new string('震', 200)), null, null);

        var ex = Assert.Throws<ArgumentException>(() => ControlMessage.Desired(config));

        Assert.Contains("at most 270", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reported_RoundTrip_ThroughTheMoMessage()
    {
        var state = new ReportedState("gw-izu-01", 12, true, ["cloud", "seismic"], new DateTimeOffset(2026, 11, 26, 4, 1, 30, TimeSpan.Zero), 13, "disaster profile: this gateway has no link '5g'");

        var message = ControlMessage.Reported(state);

        Assert.Equal(0xC2, message[0]);
        Assert.True(message.Length <= 340);
        Assert.True(ControlMessage.TryUnwrap(message, ControlMessage.ReportedMarker, out var json));
        var back = ReportedStateJson.Parse(json, out var errors);
        Assert.Empty(errors);
        Assert.Equal(state.GatewayId, back!.GatewayId);
        Assert.Equal((12L, true, 13L), (back.AppliedVersion, back.DisasterMode, back.RejectedVersion));
        Assert.Equal(["cloud", "seismic"], back.Sources);
        Assert.Equal(state.At, back.At);
        Assert.Equal(state.RejectedReason, back.RejectedReason);
    }

    [Theory]
    [InlineData("""{"gatewayId":"g","appliedVersion":1,"disasterMode":true,"sources":["moon"],"at":"2026-11-26T04:00:00Z"}""")]
    [InlineData("""{"gatewayId":"g","appliedVersion":-1,"disasterMode":true,"sources":[],"at":"2026-11-26T04:00:00Z"}""")]
    [InlineData("""{"gatewayId":"g","appliedVersion":1,"sources":[],"at":"2026-11-26T04:00:00Z"}""")]
    [InlineData("""{"gatewayId":"g","appliedVersion":1,"disasterMode":false,"sources":[],"at":"2026-11-26T04:00:00Z","extra":1}""")]
    public void ParseReport_Defect_Refused(string json)
    {
        Assert.Null(ReportedStateJson.Parse(Encoding.UTF8.GetBytes(json), out var errors));
        Assert.NotEmpty(errors);
    }
}
