using Edge.Firmware.Crypto;

namespace Edge.Firmware.Tests.Crypto;

public class Aes128Tests
{
    [Theory]
    // FIPS-197 Appendix B (cipher example) and Appendix C.1 (AES-128 example vectors).
    [InlineData("2b7e1516 28aed2a6 abf71588 09cf4f3c", "3243f6a8 885a308d 313198a2 e0370734", "3925841d 02dc09fb dc118597 196a0b32")]
    [InlineData("00010203 04050607 08090a0b 0c0d0e0f", "00112233 44556677 8899aabb ccddeeff", "69c4e0d8 6a7b0430 d8cdb780 70b4c55a")]
    public void EncryptBlock_Fips197Examples_MatchesStandard(string key, string plaintext, string ciphertext)
    {
        var aes = new Aes128(Hex.Bytes(key), 0);
        var block = Hex.Bytes(plaintext);
        aes.EncryptBlock(block, 0);
        Assert.Equal(Hex.Of(Hex.Bytes(ciphertext)), Hex.Of(block));
    }

    [Theory]
    [InlineData("2b7e1516 28aed2a6 abf71588 09cf4f3c", "3243f6a8 885a308d 313198a2 e0370734", "3925841d 02dc09fb dc118597 196a0b32")]
    [InlineData("00010203 04050607 08090a0b 0c0d0e0f", "00112233 44556677 8899aabb ccddeeff", "69c4e0d8 6a7b0430 d8cdb780 70b4c55a")]
    public void DecryptBlock_Fips197Examples_MatchesStandard(string key, string plaintext, string ciphertext)
    {
        var aes = new Aes128(Hex.Bytes(key), 0);
        var block = Hex.Bytes(ciphertext);
        aes.DecryptBlock(block, 0);
        Assert.Equal(Hex.Of(Hex.Bytes(plaintext)), Hex.Of(block));
    }

    [Fact]
    public void EncryptBlock_SourceAndDestinationOffsets_WritesOnlyTheTargetBlock()
    {
        // Key at an offset too; FIPS-197 C.1 values placed inside larger buffers.
        var keyBuffer = new byte[21];
        Hex.Bytes("00010203 04050607 08090a0b 0c0d0e0f").CopyTo(keyBuffer, 5);
        var aes = new Aes128();
        aes.SetKey(keyBuffer, 5);
        var source = new byte[19];
        Hex.Bytes("00112233 44556677 8899aabb ccddeeff").CopyTo(source, 3);
        var destination = new byte[40];
        destination.AsSpan().Fill(0xEE);

        aes.EncryptBlock(source, 3, destination, 7);

        Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.Of(destination[7..23]));
        Assert.All(destination[..7], b => Assert.Equal(0xEE, b));
        Assert.All(destination[23..], b => Assert.Equal(0xEE, b));
        Assert.Equal("00112233445566778899aabbccddeeff", Hex.Of(source[3..]));
    }

    [Fact]
    public void EncryptBlock_RandomKeysAndBlocks_MatchesDotNetAesEcb()
    {
        var random = new Random(4493);
        var key = new byte[16];
        var plaintext = new byte[16 * 8];
        var ours = new Aes128();
        for (var trial = 0; trial < 2000; trial++)
        {
            random.NextBytes(key);
            random.NextBytes(plaintext);
            using var reference = System.Security.Cryptography.Aes.Create();
            reference.Key = key;
            var expected = reference.EncryptEcb(plaintext, System.Security.Cryptography.PaddingMode.None);

            ours.SetKey(key, 0);
            var actual = (byte[])plaintext.Clone();
            for (var block = 0; block < actual.Length; block += 16)
            {
                ours.EncryptBlock(actual, block);
            }

            Assert.Equal(expected, actual);
            for (var block = 0; block < actual.Length; block += 16)
            {
                ours.DecryptBlock(actual, block);
            }

            Assert.Equal(plaintext, actual);
        }
    }

    [Fact]
    public void EncryptBlock_NoKey_ThrowsInvalidOperation()
    {
        var aes = new Aes128();
        Assert.Throws<InvalidOperationException>(() => aes.EncryptBlock(new byte[16], 0));
    }

    [Fact]
    public void SetKey_ShortBuffer_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aes128(new byte[20], 5));
    }

    [Fact]
    public void Clear_AfterKey_RequiresNewKey()
    {
        var aes = new Aes128(new byte[16], 0);
        aes.Clear();
        Assert.False(aes.HasKey);
        Assert.Throws<InvalidOperationException>(() => aes.DecryptBlock(new byte[16], 0));
    }
}
