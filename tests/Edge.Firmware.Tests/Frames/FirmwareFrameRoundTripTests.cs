using System.Globalization;
using Edge.Firmware.Buffering;
using Edge.Firmware.Encoding;
using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Frames;

/// <summary>Frames made by the real firmware encoder read back to what went in.</summary>
public sealed class FirmwareFrameRoundTripTests
{
    [Fact]
    public void Read_FirmwareFrame_GivesEncodedReadings()
    {
        var encoder = new SenmlFrameEncoder("pm-000123", new byte[1024]);
        long[] seqs = [41, 42, 43];
        long[] timesMs = [1_764_028_800_000, 1_764_032_400_000, 1_764_036_000_999];
        long[] valuesMilli = [1_234_000, 1_234_567, 1_240_250];
        int[] flags = [ReadingFlags.Reboot, 0, ReadingFlags.Reverse | ReadingFlags.Tamper];
        int[] qualities = [ClockQualities.RtcUnsynced, ClockQualities.Ntp, ClockQualities.Gnss];
        var length = encoder.EncodeMilli("volume", "l", 3, seqs, timesMs, valuesMilli, flags, qualities);

        var frame = SenmlFrameReader.Read(encoder.Buffer.AsMemory(0, length));

        Assert.Equal("pm-000123", frame.Header.DeviceId);
        Assert.Equal(1_764_028_800, frame.Header.BaseTime);
        Assert.Equal(["volume", "volume", "volume"], frame.Records.Select(r => r.Channel));
        Assert.Equal([41L, 42L, 43L], frame.Records.Select(r => r.Seq));
        Assert.Equal(["1234", "1234.567", "1240.25"], frame.Records.Select(r => r.Value.ToString()));
        Assert.Equal([(1234L, 0), (1234567L, 3), (124025L, 2)], frame.Records.Select(r => (r.Value.Mantissa, r.Value.Scale)));
        Assert.Equal([true, false, false], frame.Records.Select(r => r.Value.IsInteger));
        Assert.Equal(["rtc-unsynced", "ntp", "gnss"], frame.Records.Select(r => r.ClockQualityText));
        Assert.Equal([ReadingFlags.Reboot, 0, ReadingFlags.Reverse | ReadingFlags.Tamper], frame.Records.Select(r => r.Flags));

        // Milliseconds are dropped: 1_764_036_000_999 ms is 2025-11-25T02:00:00Z.
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 2, 0, 0, TimeSpan.Zero), frame.Records[2].Observed);
    }

    [Fact]
    public void Read_RandomFirmwareFrames_RoundTrip()
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
            var frame = SenmlFrameReader.Read(encoder.Buffer.AsMemory(0, length));

            Assert.Equal(count, frame.Records.Count);
            for (var i = 0; i < count; i++)
            {
                var record = frame.Records[i];
                Assert.Equal(seqs[i], record.Seq);
                Assert.Equal(times[i] / 1000 * 1000, record.ObservedUnixMs);
                Assert.Equal(flags[i], record.Flags);
                Assert.Equal(qualities[i], record.ClockQuality);
                Assert.Equal(ExpectedLitres(values[i]), record.Value.ToString());
            }
        }
    }

    // Millilitres as a decimal number of litres, written out digit by digit (no floating point).
    private static string ExpectedLitres(long milli)
    {
        var whole = milli / 1000;
        var fraction = (milli % 1000).ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0
            ? whole.ToString(CultureInfo.InvariantCulture)
            : whole.ToString(CultureInfo.InvariantCulture) + "." + fraction;
    }
}
