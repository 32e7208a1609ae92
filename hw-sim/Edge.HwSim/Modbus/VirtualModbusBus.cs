using System.Diagnostics;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Modbus;

/// <summary>
/// An RS-485 Modbus RTU line on a pseudo-terminal: the master under test opens <see cref="VirtualSerialDevice.PortPath"/>
/// and talks to the <see cref="VirtualModbusSlave"/>s on it. Requests are framed by their own length (03/04/06: 8 bytes,
/// 16: 9 + byte count; MODBUS over Serial Line V1.02 §2.5.1.2) or, for other functions, by the end of the chunk the
/// master wrote; a frame with a bad CRC is dropped without an answer (§2.5.1.2: "the frame is discarded"). The
/// addressed slave answers after <see cref="ReplyDelay"/> plus the reply's transmission time at <see cref="BaudRate"/>;
/// broadcasts (address 0) reach every slave and get no answer.
/// </summary>
public sealed class VirtualModbusBus : VirtualSerialDevice
{
    private readonly List<VirtualModbusSlave> _slaves;
    private readonly List<byte> _input = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(TimeSpan Received, TimeSpan LastReplyEnd)> _gaps = [];
    private TimeSpan _lastReplyEnd = TimeSpan.MinValue;
    private int _frames;
    private int _crcErrors;
    private int _replies;

    /// <summary>Creates the line with <paramref name="slaves"/>; call <see cref="VirtualSerialDevice.Start"/>.</summary>
    public VirtualModbusBus(IEnumerable<VirtualModbusSlave> slaves)
    {
        ArgumentNullException.ThrowIfNull(slaves);
        _slaves = [.. slaves];
    }

    /// <summary>The slaves on the line.</summary>
    public IReadOnlyList<VirtualModbusSlave> Slaves => _slaves;

    /// <summary>Line speed used for the transmission time of replies (default 9600).</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>The slave's processing time before it starts answering (default 5 ms).</summary>
    public TimeSpan ReplyDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>When positive, the next reply is sent in two parts with this gap after <see cref="GapAfterBytes"/> bytes (a stalled slave UART).</summary>
    public TimeSpan InterCharacterGap { get; set; }

    /// <summary>See <see cref="InterCharacterGap"/>.</summary>
    public int GapAfterBytes { get; set; } = 3;

    /// <summary>Valid request frames seen.</summary>
    public int FramesReceived => Volatile.Read(ref _frames);

    /// <summary>Replies completely sent.</summary>
    public int RepliesSent => Volatile.Read(ref _replies);

    /// <summary>Request frames dropped for a bad CRC.</summary>
    public int CrcErrors => Volatile.Read(ref _crcErrors);

    /// <summary>Silence before each request that followed a reply: time from the end of the reply to the request's arrival.</summary>
    public IReadOnlyList<TimeSpan> SilencesBeforeRequests
    {
        get
        {
            lock (_gaps)
            {
                return [.. _gaps.Select(g => g.Received - g.LastReplyEnd)];
            }
        }
    }

    /// <inheritdoc />
    protected override void OnBytes(byte[] buffer, int offset, int count)
    {
        var received = _clock.Elapsed;
        for (var i = 0; i < count; i++)
        {
            _input.Add(buffer[offset + i]);
        }

        while (_input.Count >= 2)
        {
            var length = RequestLength();
            if (length == 0 || _input.Count < length)
            {
                return;
            }

            var frame = _input.GetRange(0, length).ToArray();
            _input.RemoveRange(0, length);
            if (!ModbusCrcOk(frame))
            {
                Interlocked.Increment(ref _crcErrors);
                _input.Clear(); // resynchronise on the next frame
                return;
            }

            Interlocked.Increment(ref _frames);
            if (_lastReplyEnd != TimeSpan.MinValue)
            {
                lock (_gaps)
                {
                    _gaps.Add((received, _lastReplyEnd));
                }
            }

            Handle(frame);
        }
    }

    private static bool ModbusCrcOk(byte[] frame) => frame.Length >= 4 && ModbusCrcOf(frame, frame.Length - 2) == (frame[^2] | (frame[^1] << 8));

    /// <summary>CRC-16/MODBUS (§6.2.2), kept here so the simulated slave does not lean on the code under test.</summary>
    private static int ModbusCrcOf(byte[] data, int length)
    {
        var crc = 0xFFFF;
        for (var i = 0; i < length; i++)
        {
            crc ^= data[i];
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return crc;
    }

    private int RequestLength() => _input[1] switch
    {
        0x03 or 0x04 or 0x06 => 8,
        0x10 => _input.Count >= 7 ? 9 + _input[6] : 0,
        _ => _input.Count, // unknown function: the chunk is the frame (the master wrote it in one go)
    };

    private void Handle(byte[] frame)
    {
        var address = frame[0];
        var pdu = frame[1..^2];
        if (address == 0)
        {
            foreach (var slave in _slaves)
            {
                slave.Handle(pdu, broadcast: true);
            }

            return;
        }

        var target = _slaves.FirstOrDefault(s => s.Address == address);
        var reply = target?.Handle(pdu, broadcast: false);
        if (target is null || reply is null)
        {
            return;
        }

        var adu = new byte[reply.Length + 3];
        adu[0] = address;
        reply.CopyTo(adu, 1);
        var crc = ModbusCrcOf(adu, adu.Length - 2);
        adu[^2] = (byte)crc;
        adu[^1] = (byte)(crc >> 8);
        if (target.TakeCorruption())
        {
            adu[^1] ^= 0x5A;
        }

        Transmit(adu);
        target.AfterReply();
    }

    private void Transmit(byte[] adu)
    {
        // Processing time, then the frame at the line rate: 11 bits per character (§2.5.1).
        var wire = TimeSpan.FromTicks(adu.Length * 11L * TimeSpan.TicksPerSecond / BaudRate);
        Thread.Sleep(ReplyDelay + wire);
        // The reply's end is stamped just before its last bytes are handed to the pty: the master cannot have them
        // earlier, so the silence measured before its next request is never more than the real one (a stamp taken
        // after the write would shrink it by however long this thread waited to run again).
        var gap = InterCharacterGap;
        TimeSpan end;
        if (gap > TimeSpan.Zero && adu.Length > GapAfterBytes)
        {
            InterCharacterGap = TimeSpan.Zero;
            Send(adu, 0, GapAfterBytes);
            Thread.Sleep(gap);
            end = _clock.Elapsed;
            Send(adu, GapAfterBytes, adu.Length - GapAfterBytes);
        }
        else
        {
            end = _clock.Elapsed;
            Send(adu);
        }

        _lastReplyEnd = end;
        Interlocked.Increment(ref _replies);
    }
}
