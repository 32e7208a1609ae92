using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.Fakes;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// An in-process ECHONET Lite meter node behind <see cref="IEchonetTransport"/>: it parses requests and builds
/// its answers byte by byte from the specification (not with the codec under test), from its own state: a
/// cumulative register that grows with the fake clock, a coefficient and unit, 100 days of half-hourly history
/// selected by 0xE5, and fixed properties. It can drop requests, go offline, answer late with a stale TID,
/// and push notifications. Time passes only when the requester waits on an empty line.
/// </summary>
internal sealed class SimulatedEchonetMeter : IEchonetTransport
{
    private readonly FakeClock _clock;
    private readonly Queue<byte[]> _toRequester = new();
    private int _historyDay;

    public SimulatedEchonetMeter(FakeClock clock, int eoj)
    {
        _clock = clock;
        Eoj = eoj;
    }

    public int Eoj { get; }

    public int Class => Eoj >> 8;

    /// <summary>Raw register value at a wall time: by default 1 unit per 6 minutes since the epoch of the test.</summary>
    public Func<long, long> RegisterAt { get; set; } = ms => ms / 360_000;

    /// <summary>Static properties answered as stored (D3, D7, E1, 80, ...).</summary>
    public Dictionary<int, byte[]> Properties { get; } = [];

    /// <summary>Requests to swallow before answering again (lost frames).</summary>
    public int DropRequests { get; set; }

    /// <summary>When true every request is swallowed (meter gone, radio down).</summary>
    public bool Offline { get; set; }

    /// <summary>When true each answer is preceded by a copy with a stale TID (a late answer to an old request).</summary>
    public bool SendStaleFirst { get; set; }

    /// <summary>Frames sent to us, in order.</summary>
    public List<byte[]> Received { get; } = [];

    /// <summary>Meter time zone (JST).</summary>
    public int UtcOffsetMinutes { get; set; } = 540;

    /// <summary>Queues a frame (a notification) for the requester.</summary>
    public void Push(byte[] frame) => _toRequester.Enqueue(frame);

    public bool Send(byte[] buffer, int offset, int length)
    {
        var request = buffer.AsSpan(offset, length).ToArray();
        Received.Add(request);
        if (Offline)
        {
            return true;
        }

        if (DropRequests > 0)
        {
            DropRequests--;
            return true;
        }

        var answer = Answer(request);
        if (answer != null)
        {
            if (SendStaleFirst)
            {
                var stale = (byte[])answer.Clone();
                stale[3] ^= 0x55;
                _toRequester.Enqueue(stale);
            }

            _toRequester.Enqueue(answer);
        }

        return true;
    }

    public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (_toRequester.Count == 0)
        {
            _clock.Advance(timeoutMs);
            return 0;
        }

        var frame = _toRequester.Dequeue();
        if (frame.Length > count)
        {
            return -1;
        }

        frame.CopyTo(buffer, offset);
        return frame.Length;
    }

    /// <summary>The answer to a request (hand-parsed: header 12 bytes, then EPC PDC EDT), or null.</summary>
    private byte[]? Answer(byte[] q)
    {
        if (q.Length < 12 || q[0] != 0x10 || q[1] != 0x81)
        {
            return null;
        }

        var deoj = (q[7] << 16) | (q[8] << 8) | q[9];
        if (deoj != Eoj)
        {
            return null;
        }

        var esv = q[10];
        var props = new List<(int Epc, byte[] Edt)>();
        var i = 12;
        for (var k = 0; k < q[11]; k++)
        {
            props.Add((q[i], q.AsSpan(i + 2, q[i + 1]).ToArray()));
            i += 2 + q[i + 1];
        }

        var answers = new List<(int Epc, byte[] Edt)>();
        var failed = false;
        switch (esv)
        {
            case 0x62: // Get → Get_Res, or Get_SNA with PDC 0 for what we do not have
            case 0x63: // INF_REQ → INF
                foreach (var (epc, _) in props)
                {
                    var edt = Read(epc);
                    failed |= edt == null;
                    answers.Add((epc, edt ?? []));
                }

                return Build(q, failed ? (esv == 0x62 ? 0x52 : 0x53) : (esv == 0x62 ? 0x72 : 0x73), answers);
            case 0x61: // SetC → Set_Res with PDC 0, or SetC_SNA echoing the refused EDT
                foreach (var (epc, edt) in props)
                {
                    var ok = Class == 0x0288 && epc == 0xE5 && edt.Length == 1 && edt[0] <= 99;
                    if (ok)
                    {
                        _historyDay = edt[0];
                    }

                    failed |= !ok;
                    answers.Add((epc, ok ? [] : edt));
                }

                return Build(q, failed ? 0x51 : 0x71, answers);
            case 0x6E: // SetGet: OPCSet properties are set, then the OPCGet properties read
                var gets = new List<(int Epc, byte[] Edt)>();
                var opcGet = q[i];
                i++;
                for (var k = 0; k < opcGet; k++)
                {
                    gets.Add((q[i], []));
                    i += 2 + q[i + 1];
                }

                foreach (var (epc, edt) in props)
                {
                    var ok = Class == 0x0288 && epc == 0xE5 && edt.Length == 1 && edt[0] <= 99;
                    _historyDay = ok ? edt[0] : _historyDay;
                    failed |= !ok;
                    answers.Add((epc, ok ? [] : edt));
                }

                var read = gets.Select(g => (g.Epc, Read(g.Epc))).ToList();
                failed |= read.Any(r => r.Item2 == null);
                var frame = Build(q, failed ? 0x5E : 0x7E, answers).ToList();
                frame.Add((byte)read.Count);
                foreach (var (epc, edt) in read)
                {
                    frame.Add((byte)epc);
                    frame.Add((byte)(edt?.Length ?? 0));
                    frame.AddRange(edt ?? []);
                }

                return [.. frame];
            default:
                return null;
        }
    }

    private byte[]? Read(int epc)
    {
        if (Properties.TryGetValue(epc, out var fixedEdt))
        {
            return fixedEdt;
        }

        switch (epc)
        {
            case 0xE0:
                return U32(RegisterAt(_clock.UtcNowUnixMs));
            case 0xE5 when Class == 0x0288:
                return [(byte)_historyDay];
            case 0xE2:
                var day = Class == 0x0288 ? _historyDay : 0;
                var midnight = LocalMidnight(_clock.UtcNowUnixMs) - (day * 86_400_000L);
                var edt = new List<byte>();
                if (Class == 0x0288)
                {
                    edt.Add(0);
                    edt.Add((byte)day);
                }

                for (var s = 0; s < 48; s++)
                {
                    var at = midnight + (s * 1_800_000L);
                    edt.AddRange(at > _clock.UtcNowUnixMs ? [0xFF, 0xFF, 0xFF, 0xFE] : U32(RegisterAt(at)));
                }

                return [.. edt];
            default:
                return null;
        }
    }

    /// <summary>Response: TID echoed, SEOJ = us, DEOJ = the requester's SEOJ.</summary>
    private byte[] Build(byte[] q, int esv, List<(int Epc, byte[] Edt)> props)
    {
        var b = new List<byte> { 0x10, 0x81, q[2], q[3], (byte)(Eoj >> 16), (byte)(Eoj >> 8), (byte)Eoj, q[4], q[5], q[6], (byte)esv, (byte)props.Count };
        foreach (var (epc, edt) in props)
        {
            b.Add((byte)epc);
            b.Add((byte)edt.Length);
            b.AddRange(edt);
        }

        return [.. b];
    }

    private long LocalMidnight(long ms)
    {
        var local = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(TimeSpan.FromMinutes(UtcOffsetMinutes));
        return new DateTimeOffset(local.Date, local.Offset).ToUnixTimeMilliseconds();
    }

    private static byte[] U32(long v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
}
