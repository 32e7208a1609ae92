using Edge.Firmware.Sensors.Seismic;

namespace Edge.Firmware.Tests.Sensors.Seismic;

/// <summary>ADXL355 data format (datasheet, XDATA3/2/1): 20-bit two's complement, left-justified in three bytes.</summary>
public sealed class Adxl355DecodeTests
{
    [Theory]
    [InlineData(0x00, 0x00, 0x00, 0)]
    [InlineData(0x00, 0x00, 0x10, 1)]
    [InlineData(0x7F, 0xFF, 0xF0, 524287)]
    [InlineData(0x80, 0x00, 0x00, -524288)]
    [InlineData(0xFF, 0xFF, 0xF0, -1)]
    [InlineData(0x3E, 0x80, 0x00, 256000)] // +1 g at ±2 g (256,000 LSB/g)
    [InlineData(0xC1, 0x80, 0x00, -256000)]
    [InlineData(0x00, 0x00, 0x0F, 0)] // the low nibble is reserved (FIFO markers), never data
    public void Decode20_Values(int b3, int b2, int b1, int expected) =>
        Assert.Equal(expected, Adxl355.Decode20((byte)b3, (byte)b2, (byte)b1));
}
