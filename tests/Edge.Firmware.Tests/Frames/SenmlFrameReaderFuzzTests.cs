using Edge.Firmware.Frames;
using static Edge.Firmware.Tests.Frames.FrameHex;

namespace Edge.Firmware.Tests.Frames;

/// <summary>Whatever the bytes, the shared reader either reads or throws a one-line FrameFormatException.</summary>
public sealed class SenmlFrameReaderFuzzTests
{
    [Fact]
    public void Read_RandomBytes_OnlyFrameFormatException()
    {
        var random = new Random(20251125);
        for (var i = 0; i < 50_000; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && i % 2 == 0)
            {
                // Half the inputs start like a frame (an array head), so the fuzzing reaches the records.
                bytes[0] = (byte)(0x80 | random.Next(0, 4));
            }

            AssertDecodesOrExplains(bytes);
        }
    }

    [Fact]
    public void Read_EveryTruncationOfExample_RefusedAsTruncated()
    {
        var bytes = Bytes(Example);
        for (var length = 1; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(bytes.AsMemory(0, length)));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_EveryBitFlipOfExample_OnlyFrameFormatException()
    {
        var original = Bytes(Example);
        for (var bit = 0; bit < original.Length * 8; bit++)
        {
            var bytes = (byte[])original.Clone();
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            AssertDecodesOrExplains(bytes);
        }
    }

    [Fact]
    public void Read_RandomMutationsOfExample_OnlyFrameFormatException()
    {
        var original = Bytes(Example);
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new List<byte>(original);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(0, bytes.Count);
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                    default:
                        bytes.RemoveAt(at);
                        break;
                }
            }

            AssertDecodesOrExplains(bytes.ToArray());
        }
    }

    private static void AssertDecodesOrExplains(byte[] bytes)
    {
        var ex = Record.Exception(() => SenmlFrameReader.Read(bytes));
        if (ex is null)
        {
            return;
        }

        var formatError = Assert.IsType<FrameFormatException>(ex);
        Assert.False(string.IsNullOrWhiteSpace(formatError.Message), Convert.ToHexString(bytes));
        Assert.DoesNotContain('\n', formatError.Message);
    }
}
