using System.IO.Hashing;
using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

/// <summary>Damaged input of every kind must end in <see cref="BatchFormatException"/>, never anything else.</summary>
public sealed class BatchCodecFuzzTests
{
    private static readonly BatchDecodeOptions _limits = new() { MaxReadings = 100_000, MaxBodyBytes = 1 << 20 };

    /// <summary>Decodes; true when it succeeded, false on <see cref="BatchFormatException"/>; any other exception fails.</summary>
    private static bool TryDecode(byte[] data)
    {
        try
        {
            BatchCodec.Decode(data, _limits);
            return true;
        }
        catch (BatchFormatException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return false;
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
            Assert.False(TryDecode(data[..length]), $"a {length}-byte prefix of {data.Length} was accepted");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decode_RandomBitFlips_RejectedByCrcOrParser(bool compress)
    {
        var data = BatchCodec.Encode(SampleBatches.Hourly(meters: 5, hours: 24), new BatchEncodeOptions { Compress = compress });
        var random = new Random(7);

        for (var i = 0; i < 3000; i++)
        {
            var damaged = (byte[])data.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
            }

            // CRC-32 catches every 1-3 bit error in a message this short, so none may decode.
            Assert.False(TryDecode(damaged), $"iteration {i}");
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

            accepted += TryDecode([.. prefix, .. SpecBytes.Crc(prefix, damaged), .. damaged]) ? 1 : 0;
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

            Assert.False(TryDecode(data), $"iteration {i}");
        }
    }
}
