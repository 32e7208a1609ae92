using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Encoding;

public class SenmlFrameEncoderTests
{
    [Fact]
    public void EncodeMilli_FrameMdExample_MatchesHandEncodedBytes()
    {
        // firmware/FRAME.md example, encoded by hand with RFC 8949 §3 rules (preferred integer lengths):
        // array(2); map(8){-2:"urn:dev:ops:pm-000001:", -3:1764028800 (0x6924f180), -4:"l", 0:"volume",
        // 2:1234, 6:0, "seq":17, "cq":"ntp"}; map(6){0:"volume", 2:1240, 6:3600, "seq":18, "cq":"ntp", "fl":1}
        const string expected =
            "82" +
            "a8" + "21" + "76" + "75726e3a6465763a6f70733a706d2d3030303030313a" +
            "22" + "1a6924f180" + "23" + "616c" + "00" + "66766f6c756d65" + "02" + "1904d2" + "06" + "00" +
            "63736571" + "11" + "626371" + "636e7470" +
            "a6" + "00" + "66766f6c756d65" + "02" + "1904d8" + "06" + "190e10" +
            "63736571" + "12" + "626371" + "636e7470" + "62666c" + "01";
        var encoder = new SenmlFrameEncoder("pm-000001", new byte[256]);

        var length = encoder.EncodeMilli(
            "volume", "l", 2, [17, 18], [1764028800_000, 1764032400_000], [1234_000, 1240_000], [0, 1],
            [ClockQualities.Ntp, ClockQualities.Ntp]);

        Assert.Equal(expected, Convert.ToHexStringLower(encoder.Buffer, 0, length));
    }

    [Fact]
    public void EncodeMilli_StandardDecoder_ReadsEveryField()
    {
        var encoder = new SenmlFrameEncoder("pm-000042", new byte[512]);
        long[] seqs = [5, 6, 7];
        long[] times = [1_700_000_000_000, 1_700_003_600_000, 1_700_007_200_500];
        long[] values = [12_000, 12_250, 11_000];
        int[] flags = [8, 0, 1];
        int[] cqs = [ClockQualities.RtcUnsynced, ClockQualities.Gnss, ClockQualities.Gateway];

        var length = encoder.EncodeMilli("volume", "l", 3, seqs, times, values, flags, cqs);
        var records = FrameReader.Read(encoder.Buffer.AsSpan(0, length).ToArray());

        Assert.Equal(3, records.Count);
        Assert.Equal("urn:dev:ops:pm-000042:", records[0].BaseName);
        Assert.Equal(1_700_000_000, records[0].BaseTime);
        Assert.Equal("l", records[0].BaseUnit);
        Assert.All(records, r => Assert.Equal("volume", r.Name));
        Assert.Equal([12.0, 12.25, 11.0], records.Select(r => r.Value));
        Assert.Equal([true, false, true], records.Select(r => r.ValueIsInteger));
        Assert.Equal([0L, 3600L, 7200L], records.Select(r => r.Time));
        Assert.Equal([5L, 6L, 7L], records.Select(r => r.Seq));
        Assert.Equal(["rtc-unsynced", "gnss", "gateway"], records.Select(r => r.Cq));
        Assert.Equal([8L, 0L, 1L], records.Select(r => r.Flags));
    }

    [Theory]
    [InlineData(1L, "0.001")]
    [InlineData(250L, "0.25")]
    [InlineData(123_456_789_012_345L, "123456789012.345")]
    [InlineData(-1_500L, "-1.5")]
    public void EncodeMilli_FractionalRegister_ShortestDecimalIsExact(long milli, string expectedDecimal)
    {
        var encoder = new SenmlFrameEncoder("d", new byte[256]);
        var length = encoder.EncodeMilli("volume", "l", 1, [1], [0], [milli], [0], [0]);
        var record = FrameReader.Read(encoder.Buffer.AsSpan(0, length).ToArray())[0];
        Assert.False(record.ValueIsInteger);
        Assert.Equal(expectedDecimal, record.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EncodeMilli_BufferTooSmall_ReturnsMinusOne()
    {
        var encoder = new SenmlFrameEncoder("pm-000001", new byte[20]);
        Assert.Equal(-1, encoder.EncodeMilli("volume", "l", 1, [1], [0], [1000], [0], [0]));
    }

    [Fact]
    public void EncodeMilli_NegativeTimeBeforeEpochBase_UsesFloorSeconds()
    {
        var encoder = new SenmlFrameEncoder("d", new byte[256]);
        var length = encoder.EncodeMilli("volume", "l", 2, [1, 2], [1_500, 2_999], [0, 0], [0, 0], [0, 0]);
        var records = FrameReader.Read(encoder.Buffer.AsSpan(0, length).ToArray());
        Assert.Equal(1, records[0].BaseTime);
        Assert.Equal(1, records[1].Time);
    }
}
