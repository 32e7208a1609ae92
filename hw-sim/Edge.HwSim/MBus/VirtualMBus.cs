using Edge.HwSim.Serial;

namespace Edge.HwSim.MBus;

/// <summary>
/// A wired M-Bus segment on a pseudo-terminal: the master under test opens <see cref="VirtualSerialDevice.PortPath"/>
/// and talks EN 13757-2 to the <see cref="VirtualMBusSlave"/>s on it. Short frames SND_NKE / REQ_UD2 and the
/// selection (SND_UD to 0xFD, CI 0x52) are answered as real slaves do; when several slaves answer at once their
/// answers collide: several 0xE5 arrive as several bytes, long frames are ORed byte by byte (the bus is a
/// wired-OR of current modulation), which breaks their checksum. Bytes that are not a valid frame are skipped.
/// </summary>
public sealed class VirtualMBus : VirtualSerialDevice
{
    private readonly List<VirtualMBusSlave> _slaves;
    private readonly TimeProvider _time;
    private readonly List<byte> _input = [];
    private int _collisions;
    private int _frames;

    /// <summary>Creates the bus with <paramref name="slaves"/>; call <see cref="VirtualSerialDevice.Start"/>.</summary>
    public VirtualMBus(IEnumerable<VirtualMBusSlave> slaves, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(slaves);
        _slaves = [.. slaves];
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The slaves on the bus.</summary>
    public IReadOnlyList<VirtualMBusSlave> Slaves => _slaves;

    /// <summary>Valid frames received from the master.</summary>
    public int FramesReceived => Volatile.Read(ref _frames);

    /// <summary>Answers that collided (several slaves answered one frame).</summary>
    public int Collisions => Volatile.Read(ref _collisions);

    /// <inheritdoc />
    protected override void OnBytes(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _input.Add(buffer[offset + i]);
        }

        while (TryTakeFrame(out var frame))
        {
            Interlocked.Increment(ref _frames);
            Handle(frame);
        }
    }

    private bool TryTakeFrame(out byte[] frame)
    {
        frame = [];
        while (_input.Count > 0)
        {
            var start = _input[0];
            var length = start == 0x10 ? 5 : start == 0x68 && _input.Count >= 2 ? _input[1] + 6 : start == 0x68 ? int.MaxValue : 0;
            if (length == 0)
            {
                _input.RemoveAt(0); // not a start byte: resynchronise
                continue;
            }

            if (_input.Count < length)
            {
                return false;
            }

            var candidate = _input.GetRange(0, length).ToArray();
            if (IsValid(candidate))
            {
                _input.RemoveRange(0, length);
                frame = candidate;
                return true;
            }

            _input.RemoveAt(0);
        }

        return false;
    }

    private static bool IsValid(byte[] f)
    {
        // EN 13757-2 §5.4: checksum over C..data, stop byte 0x16; long frames repeat L and the start byte.
        var (from, count) = f[0] == 0x10 ? (1, 2) : (4, f[1]);
        if (f[0] == 0x68 && (f[2] != f[1] || f[3] != 0x68 || f[1] < 3))
        {
            return false;
        }

        var sum = 0;
        for (var i = from; i < from + count; i++)
        {
            sum += f[i];
        }

        return f[from + count] == (byte)sum && f[^1] == 0x16;
    }

    private void Handle(byte[] f)
    {
        var now = _time.GetUtcNow();
        var answers = new List<byte[]>();
        if (f[0] == 0x10)
        {
            var c = f[1];
            var a = f[2];
            foreach (var slave in Addressed(a))
            {
                var answer = (c & 0x4F) == 0x40 ? slave.OnNke() : (c & 0x4F) == 0x4B ? slave.OnReqUd2(c, now) : null;
                if (answer is not null)
                {
                    answers.Add(answer);
                }
            }
        }
        else if (f[5] == 0xFD && f[6] == 0x52 && f[1] == 11 && (f[4] & 0x4F) == 0x43)
        {
            var pattern = f.AsSpan(7, 8);
            foreach (var slave in _slaves)
            {
                if (slave.OnSelect(pattern))
                {
                    answers.Add([0xE5]);
                }
            }
        }

        Answer(answers);
    }

    private IEnumerable<VirtualMBusSlave> Addressed(byte a) =>
        a == 0xFF ? [] : _slaves.Where(s => a == 0xFE || (a == 0xFD ? s.Selected : s.PrimaryAddress == a)).ToList();

    private void Answer(List<byte[]> answers)
    {
        if (answers.Count == 0)
        {
            return;
        }

        if (answers.Count == 1)
        {
            Send(answers[0]);
            return;
        }

        Interlocked.Increment(ref _collisions);
        if (answers.All(a => a.Length == 1))
        {
            // Acknowledgements a few bit times apart: the master sees one 0xE5 per slave.
            Send([.. answers.SelectMany(a => a)]);
            return;
        }

        var garbled = new byte[answers.Max(a => a.Length)];
        foreach (var answer in answers)
        {
            for (var i = 0; i < answer.Length; i++)
            {
                garbled[i] |= answer[i];
            }
        }

        Send(garbled);
    }
}
