using System.Text;
using Edge.Field.Decoding;
using Edge.Firmware.Frames;

namespace Edge.Field.Tests.Decoding;

public sealed class FrameInputTests
{
    private static readonly Func<Stream> _noStdin = () => throw new InvalidOperationException("stdin not expected");

    [Theory]
    [InlineData("82a0", new byte[] { 0x82, 0xa0 })]
    [InlineData("82A0", new byte[] { 0x82, 0xa0 })]
    [InlineData("0x82a0", new byte[] { 0x82, 0xa0 })]
    [InlineData("82 a0\n", new byte[] { 0x82, 0xa0 })]
    public void Read_HexArgument_GivesBytes(string text, byte[] expected)
    {
        Assert.Equal(expected, FrameInput.Read(text, _noStdin));
    }

    [Theory]
    [InlineData("82g0", "input is not hex: unexpected character 'g' at position 3")]
    [InlineData("82a", "input is not hex: odd number of hex digits (3)")]
    [InlineData("  ", "input is empty: give the frame as hex, @file or - for standard input")]
    public void Read_BadHex_GivesReason(string text, string expected)
    {
        var ex = Assert.Throws<FrameFormatException>(() => FrameInput.Read(text, _noStdin));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Read_StdinBinary_GivesBytesAsIs()
    {
        byte[] frame = [0x81, 0xa0, 0x30, 0x31];

        Assert.Equal(frame, FrameInput.Read("-", () => new MemoryStream(frame)));
    }

    [Fact]
    public void Read_StdinHexText_GivesDecodedBytes()
    {
        var text = Encoding.ASCII.GetBytes("81 a0\r\n");

        Assert.Equal(new byte[] { 0x81, 0xa0 }, FrameInput.Read("-", () => new MemoryStream(text)));
    }

    [Fact]
    public void Read_FileBinaryAndHex_BothWork()
    {
        var binary = Path.GetTempFileName();
        var hex = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(binary, [0x81, 0xa0]);
            File.WriteAllText(hex, "81a0\n");

            Assert.Equal(new byte[] { 0x81, 0xa0 }, FrameInput.Read("@" + binary, _noStdin));
            Assert.Equal(new byte[] { 0x81, 0xa0 }, FrameInput.Read("@" + hex, _noStdin));
        }
        finally
        {
            File.Delete(binary);
            File.Delete(hex);
        }
    }

    [Fact]
    public void Read_MissingFile_SaysCannotRead()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".bin");

        var ex = Assert.Throws<FrameFormatException>(() => FrameInput.Read("@" + path, _noStdin));

        Assert.StartsWith($"cannot read file '{path}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HugeStdin_RefusedWithoutReadingItAll()
    {
        var ex = Assert.Throws<FrameFormatException>(
            () => FrameInput.Read("-", () => new MemoryStream(new byte[FrameInput.MaxBytes + 100_000])));

        Assert.Contains("more than", ex.Message, StringComparison.Ordinal);
    }
}
