using Edge.Gateway.Radio;

namespace Edge.Gateway.Tests.Radio;

/// <summary>Channel names and units of ECHONET Lite meter properties (Radio/README.md).</summary>
public sealed class EchonetWisunChannelsTests
{
    [Theory]
    [InlineData(0x0288, 0xE0, "kWh", "energy")]
    [InlineData(0x0288, 0xEA, "kWh", "energy")]
    [InlineData(0x0288, 0xE2, "kWh", "energy")]
    [InlineData(0x0288, 0xE3, "kWh", "energy-reverse")]
    [InlineData(0x0288, 0xE7, "W", "power")]
    [InlineData(0x0281, 0xE0, "m3", "volume")]
    [InlineData(0x0282, 0xE2, "m3", "volume")]
    public void TryMap_MeterProperty_NamesTheChannel(int classCode, int epc, string unit, string channel)
    {
        Assert.True(EchonetWisunChannels.TryMap(classCode, epc, unit, 123, -1, out var c, out var m, out var scale));
        Assert.Equal((channel, 123L, 1), (c, m, scale));
    }

    [Fact]
    public void TryMap_UnitAboveOne_BecomesWholeNumbers()
    {
        // 0x0288 unit code 0x0B: 100 kWh per count; 7 counts × coefficient 1 = 700 kWh.
        Assert.True(EchonetWisunChannels.TryMap(0x0288, 0xE0, "kWh", 7, 2, out _, out var m, out var scale));
        Assert.Equal((700L, 0), (m, scale));
    }

    [Theory]
    [InlineData(0x0288, 0xE0, "m3")]
    [InlineData(0x0288, 0xE8, "A")]
    [InlineData(0x0281, 0xE7, "W")]
    [InlineData(0x0130, 0xE0, "kWh")]
    public void TryMap_OtherPropertyOrWrongUnit_IsNotStored(int classCode, int epc, string unit)
    {
        Assert.False(EchonetWisunChannels.TryMap(classCode, epc, unit, 1, 0, out _, out _, out _));
    }
}
