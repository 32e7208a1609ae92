using Edge.HwSim.Serial;

namespace Edge.HwSim.Radio;

/// <summary>
/// A virtual IMST iM871A USB stick on a pseudo-terminal: the gateway opens <see cref="VirtualSerialDevice.PortPath"/>
/// (57600 baud 8N1 on the real stick) and receives RADIOLINK_MSG_WMBUSMSG_IND frames (<see cref="Im871aHci"/>) of the
/// telegrams its <see cref="SimulatedRadioMeter"/>s send, every <see cref="Interval"/> once <see cref="StartTransmitting"/>
/// runs, or on demand with <see cref="Transmit"/>. Answers DEVMGMT ping requests.
/// </summary>
public sealed class VirtualIm871a : VirtualSerialDevice
{
    private readonly List<SimulatedRadioMeter> _meters;
    private readonly TimeProvider _time;
    private readonly Lock _sendLock = new();
    private readonly List<byte> _input = [];
    private ITimer? _timer;
    private int _sent;

    /// <summary>Creates the stick with <paramref name="meters"/>; call <see cref="VirtualSerialDevice.Start"/>.</summary>
    public VirtualIm871a(IEnumerable<SimulatedRadioMeter> meters, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meters = [.. meters];
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The meters in range.</summary>
    public IReadOnlyList<SimulatedRadioMeter> Meters => _meters;

    /// <summary>Time between two rounds of transmissions (every meter once per round).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(16);

    /// <summary>Append the stick's 32-bit timestamp (auto RX timestamp option).</summary>
    public bool WithTimestamp { get; set; } = true;

    /// <summary>Append the RSSI byte (auto RSSI option).</summary>
    public bool WithRssi { get; set; } = true;

    /// <summary>Append the CRC16.</summary>
    public bool WithCrc { get; set; } = true;

    /// <summary>Telegrams sent to the driver.</summary>
    public int TelegramsSent => Volatile.Read(ref _sent);

    /// <summary>Starts a round of transmissions now and then every <see cref="Interval"/>.</summary>
    public void StartTransmitting() => _timer = _time.CreateTimer(_ => TransmitAll(), null, TimeSpan.Zero, Interval);

    /// <summary>Every meter sends its next telegram.</summary>
    public void TransmitAll()
    {
        foreach (var meter in _meters)
        {
            Transmit(meter);
        }
    }

    /// <summary>The meter sends its next telegram; returns it (L field first) so a test can send it again as a repetition.</summary>
    public byte[] Transmit(SimulatedRadioMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var telegram = meter.NextTelegram();
        SendTelegram(telegram);
        return telegram;
    }

    /// <summary>Delivers <paramref name="telegram"/> (L field first) as a WMBUSMSG_IND, e.g. a repeated transmission.</summary>
    public void SendTelegram(byte[] telegram)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        var ms = (uint)(_time.GetUtcNow().ToUnixTimeMilliseconds() & 0xFFFFFFFF);
        var frame = Im871aHci.Indication(telegram, WithTimestamp ? ms : null, WithRssi ? (byte)180 : null, WithCrc);
        SendRaw(frame);
        Interlocked.Increment(ref _sent);
    }

    /// <summary>Sends raw bytes (line noise, a truncated frame) to test the driver's resynchronisation.</summary>
    public void SendRaw(byte[] bytes)
    {
        lock (_sendLock)
        {
            Send(bytes);
        }
    }

    /// <inheritdoc />
    protected override void OnBytes(byte[] buffer, int offset, int count)
    {
        _input.AddRange(buffer.AsSpan(offset, count));
        while (_input.Count >= 4)
        {
            if (_input[0] != Im871aHci.StartOfFrame)
            {
                _input.RemoveAt(0);
                continue;
            }

            var length = 4 + _input[3];
            if (_input.Count < length)
            {
                return;
            }

            if ((_input[1] & 0x0F) == Im871aHci.DeviceManagement && _input[2] == Im871aHci.PingRequest)
            {
                SendRaw(Im871aHci.Frame(Im871aHci.DeviceManagement, Im871aHci.PingResponse, [], null, null, false));
            }

            _input.RemoveRange(0, length);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
        }

        base.Dispose(disposing);
    }
}
