namespace Edge.Firmware.Wisun;

/// <summary>
/// Radio figures of the 920 MHz band as SKSTACK-IP reports them (BP35A1 command reference, SKSCAN/EPANDESC):
/// channel numbers 33..60 (0x21..0x3C) at 922.5 MHz + 0.2 MHz steps, and RSSI from LQI as
/// RSSI [dBm] = 0.275 × LQI − 104.27. Integer results, so host and device agree.
/// </summary>
public static class SkStackRadio
{
    /// <summary>Lowest channel number of the band (bit 0 of the SKSCAN channel mask).</summary>
    public const int FirstChannel = 33;

    /// <summary>Highest channel number.</summary>
    public const int LastChannel = 60;

    /// <summary>Centre frequency of <paramref name="channel"/> in kHz (33 → 922 500).</summary>
    public static int ChannelKHz(int channel) => 922500 + (200 * (channel - FirstChannel));

    /// <summary>RSSI in thousandths of a dBm from an EPANDESC LQI (0xE1 → −42 395).</summary>
    public static int LqiToRssiMilliDbm(int lqi) => (275 * lqi) - 104270;

    /// <summary>
    /// Longest time an active scan over <paramref name="channelMask"/> takes: 10 ms × (2^duration + 1) per
    /// channel (SKSCAN DURATION), only the band's 28 channels counted.
    /// </summary>
    public static int ScanTimeMs(long channelMask, int duration)
    {
        var channels = 0;
        for (var bit = 0; bit <= LastChannel - FirstChannel; bit++)
        {
            if (((channelMask >> bit) & 1) != 0)
            {
                channels++;
            }
        }

        return channels * 10 * ((1 << duration) + 1);
    }
}
