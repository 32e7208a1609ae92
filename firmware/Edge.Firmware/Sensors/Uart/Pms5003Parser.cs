namespace Edge.Firmware.Sensors.Uart;

/// <summary>
/// Byte-at-a-time receiver of PMS5003 frames: syncs on 0x42 0x4D, takes the length word, checks the
/// check code (sum of all bytes before it). Data frames (length 28) fill <see cref="Data"/>; the short
/// answers to commands (length 4: command, data) fill <see cref="AnswerCommand"/>/<see cref="AnswerData"/>.
/// A bad length or check code drops only the first start byte and rescans the bytes already received, so a
/// frame that starts inside garbage is still found. No allocation after construction.
/// </summary>
public sealed class Pms5003Parser
{
    /// <summary>Nothing complete yet.</summary>
    public const int None = 0;

    /// <summary>A data frame is in <see cref="Data"/>.</summary>
    public const int DataFrame = 1;

    /// <summary>A command answer is in <see cref="AnswerCommand"/> and <see cref="AnswerData"/>.</summary>
    public const int CommandAnswer = 2;

    /// <summary>Start characters.</summary>
    public const byte Start1 = 0x42;

    /// <summary>Second start character.</summary>
    public const byte Start2 = 0x4D;

    /// <summary>Frame length of a data frame (13 data words + check code).</summary>
    public const int DataLength = 28;

    private const int MaxFrame = 4 + DataLength;

    private readonly byte[] _buf = new byte[MaxFrame];
    private int _count;

    /// <summary>The last data frame.</summary>
    public Pms5003Frame Data { get; } = new Pms5003Frame();

    /// <summary>Command byte of the last command answer (0xE1 mode, 0xE4 sleep/wake).</summary>
    public int AnswerCommand { get; private set; }

    /// <summary>Data byte of the last command answer.</summary>
    public int AnswerData { get; private set; }

    /// <summary>Bytes dropped while looking for a frame.</summary>
    public long GarbageBytes { get; private set; }

    /// <summary>Candidate frames refused for their check code or length.</summary>
    public long BadFrames { get; private set; }

    /// <summary>Forgets a partly received frame (after a mode change, a wake).</summary>
    public void Reset()
    {
        GarbageBytes += _count;
        _count = 0;
    }

    /// <summary>Takes one byte; returns <see cref="None"/>, <see cref="DataFrame"/> or <see cref="CommandAnswer"/>.</summary>
    public int Push(byte b)
    {
        _buf[_count++] = b;
        return Scan();
    }

    private int Scan()
    {
        while (true)
        {
            if (_count >= 1 && _buf[0] != Start1)
            {
                Drop(1);
                continue;
            }

            if (_count >= 2 && _buf[1] != Start2)
            {
                Drop(1);
                continue;
            }

            if (_count < 4)
            {
                return None;
            }

            var length = (_buf[2] << 8) | _buf[3];
            if (length != DataLength && length != 4)
            {
                BadFrames++;
                Drop(1);
                continue;
            }

            var total = 4 + length;
            if (_count < total)
            {
                return None;
            }

            var sum = 0;
            for (var i = 0; i < total - 2; i++)
            {
                sum += _buf[i];
            }

            var check = (_buf[total - 2] << 8) | _buf[total - 1];
            if ((sum & 0xFFFF) != check)
            {
                BadFrames++;
                Drop(1);
                continue;
            }

            var kind = length == DataLength ? DataFrame : CommandAnswer;
            if (kind == DataFrame)
            {
                Decode();
            }
            else
            {
                AnswerCommand = _buf[4];
                AnswerData = _buf[5];
            }

            _count -= total;
            for (var i = 0; i < _count; i++)
            {
                _buf[i] = _buf[total + i];
            }

            return kind;
        }
    }

    private void Decode()
    {
        var d = Data;
        d.Pm1Standard = Word(0);
        d.Pm25Standard = Word(1);
        d.Pm10Standard = Word(2);
        d.Pm1Atmospheric = Word(3);
        d.Pm25Atmospheric = Word(4);
        d.Pm10Atmospheric = Word(5);
        d.Count03 = Word(6);
        d.Count05 = Word(7);
        d.Count10 = Word(8);
        d.Count25 = Word(9);
        d.Count50 = Word(10);
        d.Count100 = Word(11);
        d.Version = _buf[28];
        d.ErrorCode = _buf[29];
    }

    private int Word(int index) => (_buf[4 + (2 * index)] << 8) | _buf[5 + (2 * index)];

    private void Drop(int n)
    {
        GarbageBytes += n;
        _count -= n;
        for (var i = 0; i < _count; i++)
        {
            _buf[i] = _buf[n + i];
        }
    }
}
