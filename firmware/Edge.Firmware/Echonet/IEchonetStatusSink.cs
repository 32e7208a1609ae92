namespace Edge.Firmware.Echonet;

/// <summary>
/// Where <see cref="EchonetMeterPoller"/> delivers a meter's status properties, when its reading sink also implements
/// this: fault status 0x88 (APPENDIX §2.2, every device object: 0x41 fault occurred, 0x42 no fault) and, for the water
/// flow meter 0x0281, detection of abnormal value in metering data 0xE3 (0x41 detected, 0x42 not detected). Both are read with every cumulative read and announced by the meter on change (INF, the
/// status-change announcement rule).
/// </summary>
public interface IEchonetStatusSink
{
    /// <summary>
    /// Status <paramref name="epc"/> of object <paramref name="eoj"/> is <paramref name="active"/> (fault, abnormal value)
    /// as read or announced at <paramref name="observedUnixMs"/>. Called before the cumulative value of the same read.
    /// </summary>
    void OnStatus(int eoj, int epc, bool active, long observedUnixMs);

    /// <summary>A status property whose EDT does not fit its definition: <paramref name="reason"/> is the decoder's text.</summary>
    void OnStatusError(int eoj, int epc, string reason);
}
