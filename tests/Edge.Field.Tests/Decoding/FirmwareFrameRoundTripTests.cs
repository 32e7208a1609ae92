using Edge.Field.Decoding;
using Edge.Firmware.Buffering;
using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;

namespace Edge.Field.Tests.Decoding;

/// <summary>Frames made by the real firmware encoder decode to what went in.</summary>
public sealed class FirmwareFrameRoundTripTests
{
    [Fact]
    public void Decode_FirmwareFrame_GivesEncodedReadings()
    {
        var encoder = new SenmlFrameEncoder("pm-000123", new byte[1024]);
        long[] seqs = [41, 42, 43];
        long[] timesMs = [1_764_028_800_000, 1_764_032_400_000, 1_764_036_000_999];
        long[] valuesMilli = [1_234_000, 1_234_567, 1_240_250];
        int[] flags = [ReadingFlags.Reboot, 0, ReadingFlags.Reverse | ReadingFlags.Tamper];
        int[] qualities = [ClockQualities.RtcUnsynced, ClockQualities.Ntp, ClockQualities.Gnss];
        var length = encoder.EncodeMilli("volume", "l", 3, seqs, timesMs, valuesMilli, flags, qualities);

        var frame = FrameDecoder.Decode(encoder.Buffer.AsMemory(0, length));

        Assert.Equal("pm-000123", frame.DeviceId);
        Assert.Equal(1_764_028_800, frame.BaseTime);
        Assert.Equal(["volume", "volume", "volume"], frame.Records.Select(r => r.Channel));
        Assert.Equal([41UL, 42UL, 43UL], frame.Records.Select(r => r.Seq));
        Assert.Equal(["1234", "1234.567", "1240.25"], frame.Records.Select(r => r.Value.ToString()));
        Assert.Equal([true, false, false], frame.Records.Select(r => r.Value.IsInteger));
        Assert.Equal(["rtc-unsynced", "ntp", "gnss"], frame.Records.Select(r => r.ClockQuality));
        Assert.Equal(["reboot"], frame.Records[0].FlagNames);
        Assert.Empty(frame.Records[1].FlagNames);
        Assert.Equal(["reverse", "tamper"], frame.Records[2].FlagNames);

        // Milliseconds are dropped: 1_764_036_000_999 ms is 2025-11-25T02:00:00Z.
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 2, 0, 0, TimeSpan.Zero), frame.Records[2].Time);
    }

    [Fact]
    public void Decode_RandomFirmwareFrames_RoundTrip()
    {
        var random = new Random(42);
        var encoder = new SenmlFrameEncoder("pm-424242", new byte[96 + (24 * 64)]);
        for (var round = 0; round < 500; round++)
        {
            var count = random.Next(1, 25);
            var seqs = new long[count];
            var times = new long[count];
            var values = new long[count];
            var flags = new int[count];
            var qualities = new int[count];
            var firstSeq = random.NextInt64(1, 1L << 40);
            var start = random.NextInt64(0, 4_000_000_000_000);
            for (var i = 0; i < count; i++)
            {
                seqs[i] = firstSeq + i;
                times[i] = start + (i * 3_600_000L) + random.Next(0, 1000);
                values[i] = random.NextInt64(0, 1_000_000_000_000_000);
                flags[i] = random.Next(0, 32);
                qualities[i] = random.Next(0, 4);
            }

            var length = encoder.EncodeMilli("volume", "l", count, seqs, times, values, flags, qualities);
            var frame = FrameDecoder.Decode(encoder.Buffer.AsMemory(0, length));

            Assert.Equal(count, frame.Records.Count);
            for (var i = 0; i < count; i++)
            {
                var record = frame.Records[i];
                Assert.Equal((ulong)seqs[i], record.Seq);
                Assert.Equal(times[i] / 1000, record.Time.ToUnixTimeSeconds());
                Assert.Equal((ulong)flags[i], record.Flags);
                Assert.Equal(ClockQualities.ToText(qualities[i]), record.ClockQuality);
                Assert.Equal(ExpectedLitres(values[i]), record.Value.ToString());
            }
        }
    }

    // Millilitres as a decimal number of litres, written out digit by digit (no floating point).
    private static string ExpectedLitres(long milli)
    {
        var whole = milli / 1000;
        var fraction = (milli % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0
            ? whole.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : whole.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + fraction;
    }
}
