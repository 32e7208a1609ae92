using System.IO.Hashing;
using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

/// <summary>Damaged input of every kind must end in <see cref="BatchFormatException"/>, never anything else.</summary>
public sealed class BatchCodecFuzzTests
{
    private static readonly BatchDecodeOptions _limits = new() { MaxReadings = 100_000, MaxBodyBytes = 1 << 20 };

    /// <summary>Decodes; the batch, or null on <see cref="BatchFormatException"/>; any other exception fails the test.</summary>
    private static Batch? TryDecode(byte[] data)
    {
        try
        {
            return BatchCodec.Decode(data, _limits);
        }
        catch (BatchFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return null;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decode_EveryTruncation_Rejected(bool compress)
    {
        var data = BatchCodec.Encode(SampleBatches.Awkward(), new BatchEncodeOptions { Compress = compress });

        for (var length = 0; length < data.Length; length++)
        {
            Assert.True(TryDecode(data[..length]) is null, $"a {length}-byte prefix of {data.Length} was accepted");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decode_RandomBitFlips_RejectedOrHarmless(bool compress)
    {
        var batch = SampleBatches.Hourly(meters: 5, hours: 24);
        var data = BatchCodec.Encode(batch, new BatchEncodeOptions { Compress = compress });
        var random = new Random(7);

        for (var i = 0; i < 3000; i++)
        {
            var damaged = (byte[])data.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
            }

            var decoded = TryDecode(damaged);
            if (decoded is null)
            {
                continue;
            }

            // CRC-32 has Hamming distance 4 for messages under ~11 KB (Koopman), so it catches every 1-3 bit
            // error of the header and of an uncompressed body. In a zstd body some bits do not affect the
            // output (e.g. frame header window size); any that do scramble the decompressed bytes, which the
            // CRC over the uncompressed body misses only with odds 2^-32. So a damaged batch that decodes
            // must have decoded to the original.
            Assert.True(compress, $"iteration {i}: damaged uncompressed batch accepted");
            BatchAssert.Equal(batch, decoded);
        }
    }

    [Fact]
    public void Decode_RandomBodyDamageWithValidCrc_OnlyFormatExceptions()
    {
        // Re-sealing the damaged body with a correct CRC drives the damage past the CRC into the parser.
        var encoded = BatchCodec.Encode(SampleBatches.Awkward(), new BatchEncodeOptions { Compress = false });
        var (prefix, body) = SpecBytes.SplitUncompressed(encoded);
        var random = new Random(11);
        var accepted = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var damaged = (byte[])body.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                damaged[random.Next(damaged.Length)] = random.Next(3) switch
                {
                    0 => (byte)random.Next(256),
                    1 => 0x00,
                    _ => 0xFF,
                };
            }

            accepted += TryDecode([.. prefix, .. SpecBytes.Crc(prefix, damaged), .. damaged]) is null ? 0 : 1;
        }

        Assert.True(accepted < 20_000, "no damage was ever detected");
    }

    [Fact]
    public void Decode_RandomGarbageAfterValidHeader_OnlyFormatExceptions()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var stored = new byte[random.Next(0, 200)];
            random.NextBytes(stored);
            if (stored.Length >= 4 && random.Next(2) == 0)
            {
                // Half the time pretend to be a zstd frame (RFC 8878 magic) so zstd's own parser is exercised.
                stored[0] = 0x28;
                stored[1] = 0xB5;
                stored[2] = 0x2F;
                stored[3] = 0xFD;
            }

            var prefix = SpecBytes.HeaderPrefix(random.Next(0, 5000), stored.Length, flags: 0x01);
            var data = (byte[])[.. prefix, .. BitConverter.GetBytes(Crc32.HashToUInt32(prefix)), .. stored];

            Assert.Null(TryDecode(data));
        }
    }
}
