using System.Security.Cryptography;
using Edge.Firmware.Crypto;

namespace Edge.Firmware.Tests.Crypto;

public class AesCmacTests
{
    // RFC 4493 §4 test vectors.
    private const string Key = "2b7e1516 28aed2a6 abf71588 09cf4f3c";
    private const string Message64 =
        "6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51 " +
        "30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710";

    [Theory]
    [InlineData(0, "bb1d6929 e9593728 7fa37d12 9b756746")]
    [InlineData(16, "070a16b4 6b4d4144 f79bdd9d d04a287c")]
    [InlineData(40, "dfa66747 de9ae630 30ca3261 1497c827")]
    [InlineData(64, "51f0bebf 7e3b9d92 fc497417 79363cfe")]
    public void Compute_Rfc4493Examples_MatchesStandard(int length, string expected)
    {
        var aes = new Aes128(Hex.Bytes(Key), 0);
        var mac = new byte[16];
        AesCmac.Compute(aes, Hex.Bytes(Message64), 0, length, mac, 0);
        Assert.Equal(Hex.Of(Hex.Bytes(expected)), Hex.Of(mac));
    }

    [Fact]
    public void Compute_Rfc4493SubkeyGeneration_CachesK1AndK2()
    {
        var aes = new Aes128(Hex.Bytes(Key), 0);
        AesCmac.Compute(aes, [], 0, 0, new byte[16], 0);
        Assert.Equal(
            Hex.Of(Hex.Bytes("fbeed618 35713366 7c85e08f 7236a8de f7ddac30 6ae266cc f90bc11e e46d513b")),
            Hex.Of(aes.CmacSubkeys));
    }

    [Fact]
    public void Compute_AfterSetKey_UsesNewSubkeys()
    {
        var aes = new Aes128(new byte[16], 0);
        var mac = new byte[16];
        AesCmac.Compute(aes, [], 0, 0, mac, 0);
        aes.SetKey(Hex.Bytes(Key), 0);
        AesCmac.Compute(aes, [], 0, 0, mac, 0);
        Assert.Equal("bb1d6929e95937287fa37d129b756746", Hex.Of(mac));
    }

    [Fact]
    public void Compute_MessageAndMacAtOffsets_MatchesStandard()
    {
        var message = new byte[3 + 40];
        Hex.Bytes(Message64).AsSpan(0, 40).CopyTo(message.AsSpan(3));
        var mac = new byte[20];
        AesCmac.Compute(new Aes128(Hex.Bytes(Key), 0), message, 3, 40, mac, 4);
        Assert.Equal("dfa66747de9ae63030ca32611497c827", Hex.Of(mac[4..]));
    }

    [Fact]
    public void Compute_RandomKeysAndLengths_MatchesDefinitionOverDotNetEcb()
    {
        var random = new Random(800_38);
        var key = new byte[16];
        var aes = new Aes128();
        var mac = new byte[16];
        for (var trial = 0; trial < 1000; trial++)
        {
            random.NextBytes(key);
            var message = new byte[random.Next(0, 100)];
            random.NextBytes(message);
            aes.SetKey(key, 0);
            AesCmac.Compute(aes, message, 0, message.Length, mac, 0);
            Assert.Equal(ReferenceCmac(key, message), mac);
        }
    }

    [Fact]
    public void Verify_TruncatedMacOfOms_AcceptsMatchAndRejectsAnyFlippedBit()
    {
        var aes = new Aes128(Hex.Bytes(Key), 0);
        var message = Hex.Bytes(Message64);
        var expected = Hex.Bytes("dfa66747 de9ae630");
        Assert.True(AesCmac.Verify(aes, message, 0, 40, expected, 0, 8));
        for (var bit = 0; bit < 64; bit++)
        {
            var wrong = (byte[])expected.Clone();
            wrong[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(AesCmac.Verify(aes, message, 0, 40, wrong, 0, 8));
        }
    }

    [Fact]
    public void Verify_ZeroLength_ThrowsOutOfRange()
    {
        var aes = new Aes128(Hex.Bytes(Key), 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => AesCmac.Verify(aes, [], 0, 0, new byte[16], 0, 0));
    }

    /// <summary>RFC 4493 §2.3-2.4 written plainly, with .NET's AES as the block cipher.</summary>
    private static byte[] ReferenceCmac(byte[] key, byte[] message)
    {
        using var reference = Aes.Create();
        reference.Key = key;
        var l = reference.EncryptEcb(new byte[16], PaddingMode.None);
        var k1 = Double(l);
        var k2 = Double(k1);
        var n = Math.Max(1, (message.Length + 15) / 16);
        var complete = message.Length > 0 && message.Length % 16 == 0;
        var last = new byte[16];
        var tail = message.AsSpan((n - 1) * 16);
        tail.CopyTo(last);
        if (!complete)
        {
            last[tail.Length] = 0x80;
        }

        var subkey = complete ? k1 : k2;
        for (var i = 0; i < 16; i++)
        {
            last[i] ^= subkey[i];
        }

        var x = new byte[16];
        for (var block = 0; block < n; block++)
        {
            var m = block == n - 1 ? last : message.AsSpan(block * 16, 16).ToArray();
            for (var i = 0; i < 16; i++)
            {
                x[i] ^= m[i];
            }

            x = reference.EncryptEcb(x, PaddingMode.None);
        }

        return x;
    }

    private static byte[] Double(byte[] value)
    {
        var result = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            result[i] = (byte)((value[i] << 1) | (i < 15 ? value[i + 1] >> 7 : 0));
        }

        if ((value[0] & 0x80) != 0)
        {
            result[15] ^= 0x87;
        }

        return result;
    }
}
