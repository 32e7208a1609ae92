using Edge.Firmware.Encoding;
using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Frames;

/// <summary>The example of firmware/FRAME.md, written out by hand byte for byte, read by the shared reader.</summary>
public sealed class FrameMdExampleTests
{
    /// <summary>
    /// [ {-2: "urn:dev:ops:pm-000001:", -3: 1764028800, -4: "l", "boot": 12, "now": 1764032412, "nq": "ntp",
    ///    0: "volume", 2: 1234, 6: 0, "seq": 17, "cq": "ntp"},
    ///   {0: "volume", 2: 1240, 6: 3600, "seq": 18, "cq": "ntp", "fl": 1} ]
    /// </summary>
    private const string HandWritten =
        "82" // array(2)
        + "ab" // map(11)
        + "21 76 75726e3a6465763a6f70733a706d2d3030303030313a" // -2 (major 1, arg 1): text(22) "urn:dev:ops:pm-000001:"
        + "22 1a 6924f180" // -3: uint32 1764028800
        + "23 61 6c" // -4: text(1) "l"
        + "64 626f6f74 0c" // text(4) "boot": 12
        + "63 6e6f77 1a 6924ff9c" // text(3) "now": uint32 1764032412 (= bt + 3612)
        + "62 6e71 63 6e7470" // text(2) "nq": "ntp"
        + "00 66 766f6c756d65" // 0: text(6) "volume"
        + "02 19 04d2" // 2: uint16 1234
        + "06 00" // 6: 0
        + "63 736571 11" // text(3) "seq": 17
        + "62 6371 63 6e7470" // text(2) "cq": text(3) "ntp"
        + "a6" // map(6)
        + "00 66 766f6c756d65" // 0: "volume"
        + "02 19 04d8" // 2: 1240
        + "06 19 0e10" // 6: 3600
        + "63 736571 12" // "seq": 18
        + "62 6371 63 6e7470" // "cq": "ntp"
        + "62 666c 01"; // text(2) "fl": 1

    [Fact]
    public void Read_FrameMdExample_GivesDeviceAndBase()
    {
        var frame = SenmlFrameReader.Read(FrameHex.Bytes(HandWritten));

        Assert.Equal(new FrameHeader("urn:dev:ops:pm-000001:", "pm-000001", 1_764_028_800, "l"), frame.Header with { Clock = new FrameClock(null, null, null, null) });
        Assert.Equal(new FrameClock(12, 1_764_032_412, ClockQualities.Ntp, null), frame.Header.Clock);
        Assert.Equal(2, frame.Records.Count);
    }

    [Fact]
    public void Read_FrameMdExample_GivesBothReadings()
    {
        var records = SenmlFrameReader.Read(FrameHex.Bytes(HandWritten)).Records;

        // bt 1764028800 s is 2025-11-25T00:00:00Z; the second record is 3600 s later with fl = 1 (reverse).
        Assert.Equal(
            [
                new FrameRecord(1, "volume", "l", new FrameValue(1234, 0, isInteger: true), 0, 1_764_028_800_000, 17, ClockQualities.Ntp, 0),
                new FrameRecord(2, "volume", "l", new FrameValue(1240, 0, isInteger: true), 3600, 1_764_032_400_000, 18, ClockQualities.Ntp, 1),
            ],
            records);
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 0, 0, 0, TimeSpan.Zero), records[0].Observed);
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 1, 0, 0, TimeSpan.Zero), records[1].Observed);
        Assert.Equal(["ntp", "ntp"], records.Select(r => r.ClockQualityText));
        Assert.Equal(["1234", "1240"], records.Select(r => r.Value.ToString()));
    }

    [Fact]
    public void HandWritten_SameBytesAsTheFirmwareEncoderAndTheSharedHex()
    {
        var encoder = new SenmlFrameEncoder("pm-000001", new byte[256]);
        encoder.SetClock(12, 1_764_032_412_000, ClockQualities.Ntp, hasStep: false, stepMs: 0);
        var length = encoder.EncodeMilli(
            "volume", "l", 2, [17, 18], [1_764_028_800_000, 1_764_032_400_000], [1_234_000, 1_240_000], [0, 1],
            [ClockQualities.Ntp, ClockQualities.Ntp]);

        Assert.Equal(FrameHex.Bytes(HandWritten), encoder.Buffer.AsSpan(0, length).ToArray());
        Assert.Equal(SenmlFrameReader.Read(FrameHex.Bytes(HandWritten)).Records, SenmlFrameReader.Read(FrameHex.Bytes(FrameHex.Example)).Records);
    }

    [Fact]
    public void TryRead_FrameMdExample_TrueWithoutReason()
    {
        Assert.True(SenmlFrameReader.TryRead(FrameHex.Bytes(HandWritten), out var frame, out var error), error);

        Assert.Equal(FrameHex.Device, frame.Header.DeviceId);
        Assert.Null(error);
    }
}
