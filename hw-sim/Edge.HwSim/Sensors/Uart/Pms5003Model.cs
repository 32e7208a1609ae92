namespace Edge.HwSim.Sensors.Uart;

/// <summary>
/// A Plantower PMS5003 on its UART: powers on in active mode, sending a 32-byte frame every
/// <see cref="ActiveIntervalMs"/>; host commands 0x42 0x4D CMD DATAH DATAL LRCH LRCL with a valid LRC are
/// obeyed: E1 change mode (answered 42 4D 00 04 E1 mode sum), E2 read in passive mode (a frame), E4 sleep
/// (answered) and wake (no answer; frames after <see cref="WakeDelayMs"/>). Commands with a bad LRC are ignored.
/// </summary>
public sealed class Pms5003Model : UartSensorModel
{
    private readonly int[] _words = new int[13];
    private readonly List<byte> _rx = [];
    private long _next;

    /// <summary>Creates the sensor, active, with the given fault seed.</summary>
    public Pms5003Model(int seed = 1)
        : base(seed)
    {
        _next = ActiveIntervalMs;
    }

    /// <summary>Interval of active mode (the sensor varies it from 200 ms to 2.3 s; fixed here).</summary>
    public int ActiveIntervalMs { get; set; } = 1000;

    /// <summary>Time from wake to the first frame (the real fan needs ~30 s for stable values).</summary>
    public int WakeDelayMs { get; set; } = 2000;

    /// <summary>True in passive mode.</summary>
    public bool Passive { get; private set; }

    /// <summary>True while asleep.</summary>
    public bool Asleep { get; private set; }

    /// <summary>Commands refused for their LRC.</summary>
    public int BadCommands { get; private set; }

    /// <summary>Sets the 12 data values as the frame carries them (µg/m³ and counts per 0.1 L), version and error code.</summary>
    public void SetData(int pm1Std, int pm25Std, int pm10Std, int pm1Atm, int pm25Atm, int pm10Atm,
        int count03, int count05, int count10, int count25, int count50, int count100, int version = 0x97, int errorCode = 0)
    {
        int[] values = [pm1Std, pm25Std, pm10Std, pm1Atm, pm25Atm, pm10Atm, count03, count05, count10, count25, count50, count100];
        for (var i = 0; i < values.Length; i++)
        {
            _words[i] = Math.Clamp(values[i], 0, 0xFFFF);
        }

        _words[12] = ((version & 0xFF) << 8) | (errorCode & 0xFF);
    }

    /// <summary>The 32-byte frame of the current data.</summary>
    public byte[] DataFrame()
    {
        var f = new byte[32];
        f[0] = 0x42;
        f[1] = 0x4D;
        f[3] = 28;
        for (var i = 0; i < 13; i++)
        {
            f[4 + (2 * i)] = (byte)(_words[i] >> 8);
            f[5 + (2 * i)] = (byte)_words[i];
        }

        Checksum(f);
        return f;
    }

    /// <inheritdoc />
    protected override long NextTransmissionMs() => Asleep || Passive ? long.MaxValue : _next;

    /// <inheritdoc />
    protected override void Transmit()
    {
        Send(DataFrame());
        _next = NowMs + ActiveIntervalMs;
    }

    /// <inheritdoc />
    protected override void OnReceive(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _rx.Add(b);
        }

        while (_rx.Count >= 7)
        {
            if (_rx[0] != 0x42 || _rx[1] != 0x4D)
            {
                _rx.RemoveAt(0);
                continue;
            }

            var sum = 0;
            for (var i = 0; i < 5; i++)
            {
                sum += _rx[i];
            }

            if (((_rx[5] << 8) | _rx[6]) != (sum & 0xFFFF))
            {
                BadCommands++;
                _rx.RemoveAt(0);
                continue;
            }

            var command = _rx[2];
            var data = _rx[4];
            _rx.RemoveRange(0, 7);
            Execute(command, data);
        }
    }

    private void Execute(byte command, byte data)
    {
        switch (command)
        {
            case 0xE1 when !Asleep:
                Passive = data == 0;
                Send(Answer(0xE1, data));
                _next = NowMs + ActiveIntervalMs;
                break;
            case 0xE2 when !Asleep && Passive:
                Send(DataFrame());
                break;
            case 0xE4 when data == 0 && !Asleep:
                Send(Answer(0xE4, 0));
                Asleep = true;
                break;
            case 0xE4 when data == 1 && Asleep:
                Asleep = false;
                _next = NowMs + WakeDelayMs;
                break;
            default:
                break;
        }
    }

    private static byte[] Answer(byte command, byte data)
    {
        var f = new byte[] { 0x42, 0x4D, 0x00, 0x04, command, data, 0, 0 };
        Checksum(f);
        return f;
    }

    private static void Checksum(byte[] f)
    {
        var sum = 0;
        for (var i = 0; i < f.Length - 2; i++)
        {
            sum += f[i];
        }

        f[^2] = (byte)(sum >> 8);
        f[^1] = (byte)sum;
    }
}
