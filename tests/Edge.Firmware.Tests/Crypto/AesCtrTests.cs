using System.Security.Cryptography;
using Edge.Firmware.Crypto;

namespace Edge.Firmware.Tests.Crypto;

public class AesCtrTests
{
    // NIST SP 800-38A Appendix F.5.1 (CTR-AES128.Encrypt) and F.5.2 (CTR-AES128.Decrypt).
    private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";
    private const string InitCounter = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
    private const string Plaintext =
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";
    private const string Ciphertext =
        "874d6191b620e3261bef6864990db6ce" + "9806f66b7970fdff8617187bb9fffdff" +
        "5ae4df3edbd5d35e5b4f09020db03eab" + "1e031dda2fbe03d1792170a0f3009cee";

    [Fact]
    public void Transform_Sp80038aF51Encrypt_MatchesStandard()
    {
        // The counter blocks run ...feff, ...ff00, ...ff01, ...ff02: the carry out of the last byte is exercised.
        var counter = Hex.Bytes(InitCounter);
        var buffer = Hex.Bytes(Plaintext);
        AesCtr.Transform(new Aes128(Hex.Bytes(Key), 0), counter, buffer, 0, buffer.Length);
        Assert.Equal(Ciphertext, Hex.Of(buffer));
        Assert.Equal(InitCounter, Hex.Of(counter));
    }

    [Fact]
    public void Transform_Sp80038aF52Decrypt_MatchesStandard()
    {
        var buffer = Hex.Bytes(Ciphertext);
        AesCtr.Transform(new Aes128(Hex.Bytes(Key), 0), Hex.Bytes(InitCounter), buffer, 0, buffer.Length);
        Assert.Equal(Plaintext, Hex.Of(buffer));
    }

    [Fact]
    public void Transform_CounterInLastTwoBytes_SameAsWholeBlockForSp80038aVector()
    {
        // F.5.1's counter never carries past byte 14, so a 2-byte counter gives the same keystream.
        var buffer = Hex.Bytes(Plaintext);
        AesCtr.Transform(new Aes128(Hex.Bytes(Key), 0), Hex.Bytes(InitCounter), 0, 14, 2, buffer, 0, buffer.Length);
        Assert.Equal(Ciphertext, Hex.Of(buffer));
    }

    [Theory]
    [InlineData(15, 1)]
    [InlineData(12, 4)]
    [InlineData(0, 16)]
    [InlineData(8, 8)]
    [InlineData(3, 2)]
    public void Transform_RandomMessages_MatchesCompositionOfDotNetEcb(int incrementOffset, int incrementLength)
    {
        var random = new Random((incrementOffset * 31) + incrementLength);
        var key = new byte[16];
        var counterBuffer = new byte[16 + 7];
        var aes = new Aes128();
        for (var trial = 0; trial < 300; trial++)
        {
            random.NextBytes(key);
            random.NextBytes(counterBuffer);
            if (trial % 3 == 0)
            {
                // Start near the top so the counter wraps inside its bytes and must not carry outside them.
                for (var i = 0; i < incrementLength; i++)
                {
                    counterBuffer[7 + incrementOffset + i] = 0xFF;
                }

                counterBuffer[7 + incrementOffset + incrementLength - 1] = 0xFD;
            }

            var message = new byte[random.Next(0, 200)];
            random.NextBytes(message);
            var expected = ReferenceCtr(key, counterBuffer.AsSpan(7, 16).ToArray(), incrementOffset, incrementLength, message);

            aes.SetKey(key, 0);
            var buffer = new byte[message.Length + 9];
            message.CopyTo(buffer, 4);
            AesCtr.Transform(aes, counterBuffer, 7, incrementOffset, incrementLength, buffer, 4, message.Length);

            Assert.Equal(expected, buffer.AsSpan(4, message.Length).ToArray());
        }
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(15, 2)]
    [InlineData(0, 0)]
    public void Transform_CounterOutsideBlock_ThrowsOutOfRange(int incrementOffset, int incrementLength)
    {
        var aes = new Aes128(new byte[16], 0);
        Assert.Throws<ArgumentOutOfRangeException>(
            () => AesCtr.Transform(aes, new byte[16], 0, incrementOffset, incrementLength, new byte[16], 0, 16));
    }

    /// <summary>CTR from its definition (SP 800-38A §6.5) with .NET's AES as the block cipher.</summary>
    private static byte[] ReferenceCtr(byte[] key, byte[] counter, int incrementOffset, int incrementLength, byte[] message)
    {
        using var reference = Aes.Create();
        reference.Key = key;
        var output = new byte[message.Length];
        for (var block = 0; block * 16 < message.Length; block++)
        {
            var keystream = reference.EncryptEcb(counter, PaddingMode.None);
            for (var i = 0; i < 16 && (block * 16) + i < message.Length; i++)
            {
                output[(block * 16) + i] = (byte)(message[(block * 16) + i] ^ keystream[i]);
            }

            var value = new System.Numerics.BigInteger(counter.AsSpan(incrementOffset, incrementLength), isUnsigned: true, isBigEndian: true);
            value = (value + 1) % System.Numerics.BigInteger.Pow(256, incrementLength);
            var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            counter.AsSpan(incrementOffset, incrementLength).Clear();
            bytes.CopyTo(counter, incrementOffset + incrementLength - bytes.Length);
        }

        return output;
    }
}
