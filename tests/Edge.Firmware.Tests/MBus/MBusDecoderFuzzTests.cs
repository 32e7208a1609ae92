using System.Diagnostics;
using Edge.Firmware.MBus;
using Edge.Firmware.Tests.Conformance;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// One million random and mutated frames through the wired and wireless decoders (one of them with the
/// firmware's AES, so decryption, MAC checks and manufacturer layouts run too): nothing may throw (an
/// out-of-range read would), everything ends with Ok or an error text, and the run stays within time.
/// Seeds are the corpus frames when present, else hand-built ones.
/// </summary>
public sealed class MBusDecoderFuzzTests
{
    private const int Inputs = 1_000_000;

    [Fact]
    public void TryDecode_MillionMutatedFrames_NoExceptionAndAlwaysAnOutcome()
    {
        var seeds = Seeds();
        var random = new Random(13757);
        var wired = new MBusWiredDecoder();
        var wireless = new WMBusDecoder();
        var wirelessB = new WMBusDecoder { FrameFormat = WMBusFrameFormat.B, Cipher = new PassThroughCipher() };

        // The firmware's own AES and DES behind real decryption, MAC checks and the manufacturer layouts.
        var wirelessAes = new WMBusDecoder { Cipher = new PortableWMBusCipher() };
        var t = new MBusTelegram();
        var key = new byte[16];
        var desKey = new byte[8];
        var buffer = new byte[600];
        var watch = Stopwatch.StartNew();
        var decoded = 0;
        for (var n = 0; n < Inputs; n++)
        {
            var length = Mutate(random, seeds[random.Next(seeds.Length)], buffer);
            var which = n % 4;
            try
            {
                var ok = which switch
                {
                    0 => wired.TryDecode(buffer, 0, length, t),
                    1 => wireless.TryDecode(buffer, 0, length, null, t),
                    2 => wirelessB.TryDecode(buffer, 0, length, key, t),
                    _ => wirelessAes.TryDecode(buffer, 0, length, (n & 12) == 0 ? null : (n & 12) == 4 ? desKey : key, t),
                };
                Assert.True(ok == (t.Error == null));
                decoded += ok ? 1 : 0;
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"input {n} (decoder {which}) threw {ex.GetType().Name}: {ex.Message}\n{Convert.ToHexString(buffer, 0, length)}");
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"fuzz run took {watch.Elapsed}");
        Assert.InRange(decoded, 1, Inputs - 1);
    }

    private static int Mutate(Random random, byte[] seed, byte[] buffer)
    {
        var mode = random.Next(8);
        if (mode == 0)
        {
            var len = random.Next(0, 300);
            random.NextBytes(buffer.AsSpan(0, len));
            return len;
        }

        var length = seed.Length;
        seed.CopyTo(buffer, 0);
        var flips = mode == 1 ? 0 : random.Next(1, 4);
        for (var k = 0; k < flips && length > 0; k++)
        {
            buffer[random.Next(length)] = (byte)random.Next(256);
        }

        if (mode == 2)
        {
            length = random.Next(0, length + 1); // truncation
        }
        else if (mode == 3 && length < 560)
        {
            var extra = random.Next(1, 40);
            random.NextBytes(buffer.AsSpan(length, extra));
            length += extra;
        }

        if (mode >= 4 && length > 1)
        {
            buffer[0] = seed[0] == 0x68 ? buffer[0] : (byte)(length - 1); // keep L consistent for wireless seeds
        }

        return length;
    }

    private static byte[][] Seeds()
    {
        var seeds = new List<byte[]>
        {
            MBusTestText.Hex("681F1F680802727856341224400107550000000313153100DA023B13018B60043718021816"),
            MBusTestText.Hex("14442D2C785634121B167A200000" + "2F2F041339300000"),
            MBusTestText.Hex("1E442D2C785634121B167A201005" + "00112233445566778899AABBCCDDEEFF"),
        };
        if (ConformanceCorpus.Available)
        {
            foreach (var file in new[] { "mbus.jsonl", "wmbus.jsonl" })
            {
                foreach (var x in ConformanceCorpus.Lines(file))
                {
                    var bytes = MBusTestText.TryHex(x.GetProperty("hex").GetString()!);
                    if (bytes != null && bytes.Length < 560)
                    {
                        seeds.Add(bytes);
                    }
                }
            }
        }

        return [.. seeds];
    }

    private sealed class PassThroughCipher : IWMBusCipher
    {
        public bool DecryptCbc(byte[] key, byte[] iv, byte[] data, int offset, int length) => true;

        public bool TransformCtr(byte[] key, byte[] counter, byte[] data, int offset, int length) => true;

        public bool Cmac(byte[] key, byte[] data, int offset, int length, byte[] mac) => true;
    }
}
