using Edge.Firmware.Crypto;

namespace Edge.Firmware.Tests.Crypto;

public class AesCbcTests
{
    // NIST SP 800-38A Appendix F.2.1 (CBC-AES128.Encrypt) and F.2.2 (CBC-AES128.Decrypt).
    private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";
    private const string Iv = "000102030405060708090a0b0c0d0e0f";
    private const string Plaintext =
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";
    private const string Ciphertext =
        "7649abac8119b246cee98e9b12e9197d" + "5086cb9b507219ee95db113a917678b2" +
        "73bed6b8e3c1743b7116e69e22229516" + "3ff1caa1681fac09120eca307586e1a7";

    [Fact]
    public void Encrypt_Sp80038aF21_MatchesStandard()
    {
        var buffer = Hex.Bytes(Plaintext);
        AesCbc.Encrypt(new Aes128(Hex.Bytes(Key), 0), Hex.Bytes(Iv), buffer, 0, buffer.Length);
        Assert.Equal(Ciphertext, Hex.Of(buffer));
    }

    [Fact]
    public void Decrypt_Sp80038aF22_MatchesStandard()
    {
        var buffer = Hex.Bytes(Ciphertext);
        AesCbc.Decrypt(new Aes128(Hex.Bytes(Key), 0), Hex.Bytes(Iv), buffer, 0, buffer.Length);
        Assert.Equal(Plaintext, Hex.Of(buffer));
    }

    [Fact]
    public void Decrypt_AtOffsetsWithIvInsideBuffer_LeavesSurroundingBytes()
    {
        // As in a telegram: the IV built in a scratch array, the encrypted blocks in the middle of the frame.
        var ivBuffer = new byte[20];
        Hex.Bytes(Iv).CopyTo(ivBuffer, 4);
        var frame = new byte[3 + 64 + 5];
        frame.AsSpan().Fill(0x5A);
        Hex.Bytes(Ciphertext).CopyTo(frame, 3);

        AesCbc.Decrypt(new Aes128(Hex.Bytes(Key), 0), ivBuffer, 4, frame, 3, 64);

        Assert.Equal(Plaintext, Hex.Of(frame[3..67]));
        Assert.All(frame[..3], b => Assert.Equal(0x5A, b));
        Assert.All(frame[67..], b => Assert.Equal(0x5A, b));
        Assert.Equal(Iv, Hex.Of(ivBuffer[4..]));
    }

    [Fact]
    public void EncryptDecrypt_RandomKeysAndMessages_MatchDotNetAesCbc()
    {
        var random = new Random(38);
        var key = new byte[16];
        var iv = new byte[16];
        var aes = new Aes128();
        for (var trial = 0; trial < 1000; trial++)
        {
            random.NextBytes(key);
            random.NextBytes(iv);
            var message = new byte[16 * random.Next(0, 12)];
            random.NextBytes(message);
            using var reference = System.Security.Cryptography.Aes.Create();
            reference.Key = key;
            var expected = reference.EncryptCbc(message, iv, System.Security.Cryptography.PaddingMode.None);

            aes.SetKey(key, 0);
            var buffer = (byte[])message.Clone();
            AesCbc.Encrypt(aes, iv, buffer, 0, buffer.Length);
            Assert.Equal(expected, buffer);

            AesCbc.Decrypt(aes, iv, buffer, 0, buffer.Length);
            Assert.Equal(reference.DecryptCbc(expected, iv, System.Security.Cryptography.PaddingMode.None), buffer);
            Assert.Equal(message, buffer);
        }
    }

    [Fact]
    public void Decrypt_PartialBlock_ThrowsArgument()
    {
        var aes = new Aes128(new byte[16], 0);
        Assert.Throws<ArgumentException>(() => AesCbc.Decrypt(aes, new byte[16], new byte[40], 0, 40));
    }
}
