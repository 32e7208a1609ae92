using Edge.Firmware.Modbus;

namespace Edge.Firmware.Tests.Modbus;

/// <summary>CRC-16/MODBUS against the specifications' own examples and the CRC catalogue's check value.</summary>
public sealed class ModbusCrcTests
{
    [Fact]
    public void Compute_SerialLineSpecExample_Is0x1241SentLowByteFirst()
    {
        // MODBUS over Serial Line V1.02 appendix B (§6.2.2, "CRC Byte Sequence"): the frame "02 07" carries CRC 0x1241, sent as 41 12.
        var frame = new byte[] { 0x02, 0x07, 0, 0 };

        Assert.Equal(0x1241, ModbusCrc.Compute(frame, 0, 2));
        Assert.Equal(4, ModbusCrc.Append(frame, 2));
        Assert.Equal(new byte[] { 0x02, 0x07, 0x41, 0x12 }, frame);
    }

    [Fact]
    public void Compute_CatalogueCheckString_Is0x4B37()
    {
        // Check value of CRC-16/MODBUS over ASCII "123456789" (width 16, poly 0x8005 reflected, init 0xFFFF, no xorout).
        var data = "123456789"u8.ToArray();

        Assert.Equal(0x4B37, ModbusCrc.Compute(data, 0, data.Length));
    }

    [Theory]
    [InlineData("11 03 00 6B 00 03 76 87")] // Read Holding Registers 108-110 of slave 17 (Modicon PI-MBUS-300 example frame)
    [InlineData("11 03 06 02 2B 00 00 00 64 C8 BA")] // its response: 555, 0, 100
    [InlineData("11 83 02 C1 34")] // exception response, illegal data address
    public void Check_PublishedFrames_Pass(string hex)
    {
        var frame = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        Assert.True(ModbusCrc.Check(frame, frame.Length));
    }

    [Fact]
    public void Check_AnyFlippedBit_Fails()
    {
        var frame = Convert.FromHexString("1103006B00037687");
        for (var bit = 0; bit < frame.Length * 8; bit++)
        {
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(ModbusCrc.Check(frame, frame.Length), $"bit {bit}");
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }
}
