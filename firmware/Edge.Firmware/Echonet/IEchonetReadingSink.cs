namespace Edge.Firmware.Echonet;

/// <summary>Where <see cref="EchonetMeterPoller"/> delivers meter values, already in SI units.</summary>
public interface IEchonetReadingSink
{
    /// <summary>
    /// One value of object <paramref name="eoj"/>'s property <paramref name="epc"/> (0xE0 cumulative, 0xE3
    /// reverse, 0xE2/0xE4 a historical slot, 0xEA/0xEB a fixed-time register, 0xE7 power):
    /// <paramref name="mantissa"/> × 10^<paramref name="exponent"/> <paramref name="unit"/>, observed at
    /// <paramref name="observedUnixMs"/> (the meter's own time for history and fixed-time values).
    /// </summary>
    void OnReading(int eoj, int epc, long observedUnixMs, long mantissa, int exponent, string unit);
}
