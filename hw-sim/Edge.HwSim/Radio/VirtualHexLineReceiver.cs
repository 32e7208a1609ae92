using System.Globalization;
using System.Text;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Radio;

/// <summary>
/// A receiver that prints telegrams as rtl-wmbus does, one line each, on a pseudo-terminal:
/// <c>MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_IDENT_NO;0xDATAGRAM</c>, e.g.
/// <c>T1;1;1;2019-04-03 19:00:42.000;97;148;33225544;0x1844AE4C...</c> (the datagram L field first, without link CRCs).
/// </summary>
public sealed class VirtualHexLineReceiver : VirtualSerialDevice
{
    private readonly TimeProvider _time;
    private readonly Lock _sendLock = new();

    /// <summary>Creates the receiver; call <see cref="VirtualSerialDevice.Start"/>.</summary>
    public VirtualHexLineReceiver(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>The line rtl-wmbus prints for <paramref name="telegram"/> of <paramref name="meter"/>.</summary>
    public string Line(SimulatedRadioMeter meter, byte[] telegram, bool crcOk = true)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var when = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var ok = crcOk ? "1" : "0";
        return $"{meter.Mode};{ok};{ok};{when};97;148;{meter.Id:X8};0x{Convert.ToHexString(telegram).ToLowerInvariant()}";
    }

    /// <summary>The meter sends its next telegram; the receiver prints it. Returns the telegram.</summary>
    public byte[] Transmit(SimulatedRadioMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var telegram = meter.NextTelegram();
        SendLine(Line(meter, telegram));
        return telegram;
    }

    /// <summary>Prints <paramref name="line"/> and a newline.</summary>
    public void SendLine(string line)
    {
        lock (_sendLock)
        {
            Send(Encoding.ASCII.GetBytes(line + "\n"));
        }
    }

    /// <inheritdoc />
    protected override void OnBytes(byte[] buffer, int offset, int count)
    {
        // rtl-wmbus takes no commands.
    }
}
