using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;
using Edge.Gateway.Southbound;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;
using static Edge.Gateway.Tests.Support.Frames;

namespace Edge.Gateway.Tests.Southbound;

/// <summary>
/// The gateway's side of frame reading: the shared reader (tested in Edge.Firmware.Tests/Frames) plus
/// matching the frame to the publishing device and turning it into store rows.
/// </summary>
public class DeviceFramesTests
{
    [Fact]
    public void TryRead_FrameMdExample_GivesStoreRowsOfBothReadings()
    {
        Assert.True(DeviceFrames.TryRead(Example, Device, out var frame, out var reason), reason);

        var rows = DeviceFrames.ToReadings(frame, Device, receivedUnixMs: 1_764_040_000_000);

        // FRAME.md: bt 1764028800 s (2025-11-25T00:00:00Z); the second record is 3600 s later with fl = 1.
        Assert.Equal(
            [
                new ReadingRecord(Device, 17, "volume", "l", 1234, 0, 1_764_028_800_000, ClockQuality.Ntp, 0, 1_764_040_000_000, DataClass.Reading),
                new ReadingRecord(Device, 18, "volume", "l", 1240, 0, 1_764_032_400_000, ClockQuality.Ntp, 1, 1_764_040_000_000, DataClass.Reading),
            ],
            rows);
    }

    [Fact]
    public void TryRead_FloatValue_StoresExactMantissaAndScale()
    {
        // 2: float64 1234.567 = 0x40934A449BA5E354.
        var frame = "81 " + Map(Bn, Bt, N, "02 FB 40934A449BA5E354", T0, Seq17, CqNtp);

        Assert.True(DeviceFrames.TryRead(Hex.Bytes(frame), Device, out var decoded, out var reason), reason);

        var row = Assert.Single(DeviceFrames.ToReadings(decoded, Device, 0));
        Assert.Equal((1234567L, 3), (row.Mantissa, row.Scale));
    }

    [Fact]
    public void TryRead_BnOfAnotherDevice_RefusedAsNotMatchingTheTopic()
    {
        // bn "urn:dev:ops:pm-000002:" published on the topic of pm-000001.
        var frame = "81 " + Map("21 76 75726E3A6465763A6F70733A706D2D3030303030323A", Bt, N, V1234, T0, Seq17, CqNtp);

        Assert.False(DeviceFrames.TryRead(Hex.Bytes(frame), Device, out var decoded, out var reason));

        Assert.Null(decoded);
        Assert.Equal("bn 'urn:dev:ops:pm-000002:' does not match the topic's device (expected 'urn:dev:ops:pm-000001:')", reason);
    }

    [Theory]
    [InlineData(ExampleHex + "00", "trailing bytes after frame (1 byte after the end of the array)")]
    [InlineData("", "empty frame: there are no bytes to decode")]
    [InlineData("A1 00 00", "not a CBOR array (the frame starts with a map)")]
    public void TryRead_MalformedFrame_GivesTheSharedReadersReason(string hex, string expected)
    {
        Assert.False(DeviceFrames.TryRead(Hex.Bytes(hex), Device, out var decoded, out var reason));

        Assert.Null(decoded);
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData(ClockQualities.RtcUnsynced, ClockQuality.RtcUnsynced)]
    [InlineData(ClockQualities.Gateway, ClockQuality.Gateway)]
    [InlineData(ClockQualities.Ntp, ClockQuality.Ntp)]
    [InlineData(ClockQualities.Gnss, ClockQuality.Gnss)]
    public void ClockQualities_EveryFrameCode_EqualsUplinkClockQuality(int code, ClockQuality expected)
    {
        // DeviceFrames.ToReadings casts the reader's code to ClockQuality.
        Assert.Equal(expected, (ClockQuality)code);
        Assert.Equal(4, Enum.GetValues<ClockQuality>().Length);
    }

    [Fact]
    public void FrameLimits_AreTheBatchLimits()
    {
        // The reader cannot reference Edge.Uplink; a frame it accepts must still fit a batch.
        Assert.Equal(BatchLimits.MaxIdBytes, FrameLimits.MaxIdBytes);
        Assert.Equal(BatchLimits.MaxScale, FrameLimits.MaxScale);
        Assert.Equal(BatchLimits.MinUnixMs, FrameLimits.MinUnixSeconds * 1000);
        Assert.Equal(BatchLimits.MaxUnixMs, (FrameLimits.MaxUnixSeconds * 1000) + 999);
    }
}
