using Edge.Firmware.Sensors;

namespace Edge.Firmware.Tests.Sensors;

public class SensirionConversionTests
{
    // sensors.md: S_T 0x6666 -> 25.0000 °C, 0x0000 -> -45 °C, 0xFFFF -> 130 °C.
    [Theory]
    [InlineData(0x6666, 25.0000)]
    [InlineData(0x0000, -45.0000)]
    [InlineData(0xFFFF, 130.0000)]
    [InlineData(0x6667, 25.003)]
    public void TemperatureMilliC_CorpusVectors_Match(int raw, double celsius)
    {
        var expected = -45.0 + (175.0 * raw / 65535.0);
        Assert.Equal(celsius, expected, 3);
        Assert.Equal((int)Math.Round(expected * 1000), SensirionConversion.TemperatureMilliC(raw));
    }

    // sensors.md: S_RH 0x5EB9 -> 37.0016 %, 0x8000 -> 50.0008 %.
    [Theory]
    [InlineData(0x5EB9, 37.0016)]
    [InlineData(0x8000, 50.0008)]
    public void HumidityMilliPercent_CorpusVectors_Match(int raw, double percent)
    {
        var expected = 100.0 * raw / 65535.0;
        Assert.Equal(percent, expected, 4);
        Assert.Equal((int)Math.Round(percent * 1000), SensirionConversion.HumidityMilliPercent(raw));
    }

    [Theory]
    [InlineData(0x0000, 0)]
    [InlineData(0xFFFF, 100000)]
    [InlineData(0x8000, 56501)]
    public void Sht4xHumidity_CropsToRange(int raw, int expectedMilli)
    {
        // SHT4x §4.6: RH = -6 + 125·S/65535, cropped to 0..100 %.
        var rh = Math.Clamp(-6.0 + (125.0 * raw / 65535.0), 0, 100);
        Assert.Equal(expectedMilli, (int)Math.Round(rh * 1000));
        Assert.Equal(expectedMilli, SensirionConversion.Sht4xHumidityMilliPercent(raw));
    }

    [Theory]
    [InlineData(4000, 1498)]
    [InlineData(0, 0)]
    [InlineData(20000, 7490)]
    public void TemperatureOffsetWord_IsOffsetTimes65535Over175(int milliC, int word)
    {
        Assert.Equal(word, (int)Math.Round(milliC / 1000.0 * 65535.0 / 175.0));
        Assert.Equal(word, SensirionConversion.TemperatureOffsetWord(milliC));
    }
}
