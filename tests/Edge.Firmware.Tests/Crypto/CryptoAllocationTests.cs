using Edge.Firmware.Crypto;
using Xunit.Abstractions;

namespace Edge.Firmware.Tests.Crypto;

public class CryptoAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void BlocksModesAndCmac_SteadyState_AllocateNothing()
    {
        var aes = new Aes128(new byte[16], 0);
        var keys = new MeterKeyStore(8);
        var key = new byte[16];
        keys.Set(0x2C2D, 0x12345678, key, 0);
        var iv = new byte[16];
        var counter = new byte[16];
        var buffer = new byte[96];
        var mac = new byte[16];

        void OneMessage()
        {
            keys.TryGetKey(0x2C2D, 0x12345678, key, 0);
            aes.SetKey(key, 0);
            aes.EncryptBlock(buffer, 0);
            aes.DecryptBlock(buffer, 0, buffer, 16);
            AesCbc.Encrypt(aes, iv, buffer, 0, 64);
            AesCbc.Decrypt(aes, iv, buffer, 0, 64);
            AesCtr.Transform(aes, counter, 0, 15, 1, buffer, 0, 90);
            AesCmac.Compute(aes, buffer, 0, 90, mac, 0);
            AesCmac.Verify(aes, buffer, 0, 40, mac, 0, 8);
        }

        for (var i = 0; i < 100; i++)
        {
            OneMessage();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            OneMessage();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"allocated_bytes_over_10000_messages={allocated}");
        Assert.Equal(0, allocated);
    }
}
