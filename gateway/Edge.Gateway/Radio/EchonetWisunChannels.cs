using Edge.Firmware.Echonet;

namespace Edge.Gateway.Radio;

/// <summary>
/// Channels of the ECHONET Lite meters read over Wi-SUN (Radio/README.md): smart electric meter 0x0288 cumulative
/// energy 0xE0, its fixed-time value 0xEA and historical slots 0xE2 → <c>energy</c> (kWh, RFC 8798); reverse 0xE3,
/// 0xEB, 0xE4 → <c>energy-reverse</c> (kWh); instantaneous power 0xE7 → <c>power</c> (W); water flow meter 0x0281 and
/// gas meter 0x0282 cumulative 0xE0 and history 0xE2 → <c>volume</c> (m3), as the other water meters.
/// </summary>
internal static class EchonetWisunChannels
{
    /// <summary>
    /// The channel of <paramref name="epc"/> of class <paramref name="classCode"/> and the value as mantissa × 10^-scale;
    /// false for properties not stored or a unit that does not belong to the channel.
    /// </summary>
    public static bool TryMap(int classCode, int epc, string unit, long mantissa, int exponent, out string channel, out long value, out int scale)
    {
        channel = Channel(classCode, epc);
        value = mantissa;
        scale = 0;
        if (channel.Length == 0 || unit != UnitOf(channel))
        {
            return false;
        }

        // A unit above one (10 kWh per count) becomes whole numbers.
        for (; exponent > 0; exponent--)
        {
            if (Math.Abs(value) > long.MaxValue / 10)
            {
                return false;
            }

            value *= 10;
        }

        scale = -exponent;
        return scale <= 18;
    }

    /// <summary>The unit a channel is stored in.</summary>
    public static string UnitOf(string channel) => channel switch
    {
        "energy" or "energy-reverse" => "kWh",
        "power" => "W",
        "volume" => "m3",
        _ => "",
    };

    private static string Channel(int classCode, int epc) => classCode switch
    {
        EchonetClass.LowVoltageSmartMeter => epc switch
        {
            0xE0 or 0xEA or 0xE2 => "energy",
            0xE3 or 0xEB or 0xE4 => "energy-reverse",
            0xE7 => "power",
            _ => "",
        },
        EchonetClass.WaterFlowMeter or EchonetClass.GasMeter => epc is 0xE0 or 0xE2 ? "volume" : "",
        _ => "",
    };
}
