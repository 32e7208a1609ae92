using Edge.Firmware.Echonet;
using Edge.HwSim.Wisun;

namespace Edge.HwSim.Echonet;

/// <summary>
/// An ECHONET Lite node (a smart meter's B-route side): the node profile 0x0EF001 and its meter objects, answering
/// requests from their state with the real codec (<see cref="EchonetFrame"/> in, <see cref="EchonetFrameWriter"/>
/// out). Part 2 chapter 4: Get → Get_Res, or Get_SNA with PDC 0 for what is missing; INF_REQ → INF (or INF_SNA);
/// SetC → Set_Res, or SetC_SNA echoing the refused EDT; SetI → nothing, or SetI_SNA; SetGet → SetGet_Res/_SNA;
/// a response always echoes the TID and swaps the objects. Requests to objects the node does not have, responses
/// and garbage get no answer. Instance code 0 addresses every instance of a class. <see cref="AttachTo"/> makes it the
/// <see cref="VirtualBrouteMeter"/>'s responder, with the instance list INF (0xD5) sent when a session comes up. It
/// then also announces, by INF (TID 0, to the controller 0x05FF01), what the meters announce themselves: a change of a
/// status property (fault 0x88, the water meter's abnormal value 0xE3; APPENDIX "announcement at status change") and,
/// from a smart electric meter, the fixed-time values 0xEA and 0xEB at each half-hour grid point of simulated time
/// (:00 and :30), as B-route meters notify them every 30 minutes.
/// </summary>
public sealed partial class SimulatedEchonetNode : IDisposable
{
    /// <summary>The controller object the meters' announcements are addressed to.</summary>
    public const int ControllerEoj = 0x05FF01;

    private readonly EchonetMeterObject[] _objects;
    private readonly EchonetFrame _request = new();
    private readonly EchonetFrameWriter _writer = new();
    private readonly Lock _lock = new();
    private readonly List<ITimer> _timers = [];
    private VirtualBrouteMeter? _meter;
    private bool _disposed;

    /// <summary>Creates a node holding <paramref name="objects"/>; the node profile shares the first one's identification number.</summary>
    public SimulatedEchonetNode(params EchonetMeterObject[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        if (objects.Length == 0)
        {
            throw new ArgumentException("a node needs at least one device object", nameof(objects));
        }

        _objects = objects;
        foreach (var o in objects)
        {
            o.Announced += OnAnnounced;
        }
    }

    /// <summary>Announcements (INF) the radio took (sent while a session was up).</summary>
    public int Notifications { get; private set; }

    /// <summary>The node's device objects.</summary>
    public IReadOnlyList<EchonetMeterObject> Objects => _objects;

    /// <summary>Requests answered (SNA included).</summary>
    public int Answered { get; private set; }

    /// <summary>Frames that got no answer (garbage, other nodes' objects, responses).</summary>
    public int Ignored { get; private set; }

    /// <summary>Makes this node the B-route meter's ECHONET Lite side.</summary>
    public void AttachTo(VirtualBrouteMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        meter.Responder = Answer;
        meter.Announcement = InstanceListNotification;
        lock (_lock)
        {
            var first = _meter is null;
            _meter = meter;
            foreach (var smart in first ? _objects.OfType<SimulatedSmartElectricMeter>() : [])
            {
                StartFixedTimeNotifications(smart);
            }
        }
    }

    /// <summary>The answer to <paramref name="request"/>, or null for none.</summary>
    public byte[]? Answer(byte[] request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            var answer = AnswerLocked(request);
            if (answer is null)
            {
                Ignored++;
            }
            else
            {
                Answered++;
            }

            return answer;
        }
    }

    private byte[]? AnswerLocked(byte[] request)
    {
        var q = _request;
        if (!q.TryDecode(request, 0, request.Length) || q.Ehd2 != EchonetFrame.Ehd2Specified)
        {
            return null;
        }

        var target = Target(q.Deoj);
        if (target is null && !IsNodeProfile(q.Deoj))
        {
            return null;
        }

        var seoj = target?.Eoj ?? EchonetClass.NodeProfileEoj;
        var buffer = new byte[EchonetFrame.MaxLength];
        var failed = false;
        switch (q.Esv)
        {
            case EchonetEsv.Get:
            case EchonetEsv.InfReq:
                var okEsv = q.Esv == EchonetEsv.Get ? EchonetEsv.GetRes : EchonetEsv.Inf;
                var reads = Enumerable.Range(0, q.PropertyCount).Select(i => (Epc: q.Epc(i), Edt: Read(target, q.Epc(i)))).ToList();
                failed = reads.Exists(r => r.Edt is null);
                _writer.Begin(buffer, 0, q.Tid, seoj, q.Seoj, failed ? okEsv - 0x20 : okEsv);
                foreach (var (epc, edt) in reads)
                {
                    _writer.Add(epc, edt ?? [], 0, edt?.Length ?? 0);
                }

                break;
            case EchonetEsv.SetC:
            case EchonetEsv.SetI:
                var refused = Sets(q, target, 0, q.PropertyCount);
                if (q.Esv == EchonetEsv.SetI && refused.Count == 0)
                {
                    return null; // SetI is answered only when refused
                }

                _writer.Begin(buffer, 0, q.Tid, seoj, q.Seoj, refused.Count > 0 ? q.Esv - 0x10 : EchonetEsv.SetRes);
                for (var i = 0; i < q.PropertyCount; i++)
                {
                    WriteSetResult(q, i, refused.Contains(i));
                }

                break;
            case EchonetEsv.SetGet:
                var setRefused = Sets(q, target, 0, q.Opc);
                var gets = Enumerable.Range(q.Opc, q.OpcGet).Select(i => (Epc: q.Epc(i), Edt: Read(target, q.Epc(i)))).ToList();
                failed = setRefused.Count > 0 || gets.Exists(r => r.Edt is null);
                _writer.Begin(buffer, 0, q.Tid, seoj, q.Seoj, failed ? EchonetEsv.SetGetSna : EchonetEsv.SetGetRes);
                for (var i = 0; i < q.Opc; i++)
                {
                    WriteSetResult(q, i, setRefused.Contains(i));
                }

                _writer.BeginGetSection();
                foreach (var (epc, edt) in gets)
                {
                    _writer.Add(epc, edt ?? [], 0, edt?.Length ?? 0);
                }

                break;
            default:
                return null; // responses, notifications, INFC_Res: nothing to answer
        }

        var length = _writer.Finish();
        return length < 0 ? null : buffer[..length];
    }

    /// <summary>Applies properties <paramref name="from"/>..<paramref name="from"/>+<paramref name="count"/>; returns the indexes refused.</summary>
    private List<int> Sets(EchonetFrame q, EchonetMeterObject? target, int from, int count)
    {
        var refused = new List<int>();
        for (var i = from; i < from + count; i++)
        {
            var edt = q.Buffer.AsSpan(q.EdtOffset(i), q.Pdc(i));
            if (target is null || !target.Write(q.Epc(i), edt))
            {
                refused.Add(i);
            }
        }

        return refused;
    }

    /// <summary>Set_Res carries the EPC with PDC 0; a refused property echoes its EDT (Part 2 §4.2.3).</summary>
    private void WriteSetResult(EchonetFrame q, int i, bool refused)
    {
        if (refused)
        {
            _writer.Add(q.Epc(i), q.Buffer, q.EdtOffset(i), q.Pdc(i));
        }
        else
        {
            _writer.Add(q.Epc(i));
        }
    }

    private byte[]? Read(EchonetMeterObject? target, int epc) => target is not null ? target.Read(epc) : ReadNodeProfile(epc);

    /// <summary>Node profile 0x0EF001 (Part 2 chapter 6): status, version, identification, instance and class lists.</summary>
    private byte[]? ReadNodeProfile(int epc)
    {
        var id = _objects[0].Identification;
        var classes = _objects.Select(o => o.ClassCode).Distinct().ToArray();
        return epc switch
        {
            0x80 => [0x30],
            0x82 => [0x01, 0x0D, 0x01, 0x00], // ECHONET Lite version 1.13, specified message format
            0x83 => (byte[])id.Clone(),
            0x8A => [id[1], id[2], id[3]],
            0xD3 => [0, 0, (byte)_objects.Length],
            0xD4 => [0, (byte)(classes.Length + 1)], // device classes plus the node profile class
            0xD5 or 0xD6 => InstanceList(),
            0xD7 => [(byte)classes.Length, .. classes.SelectMany(c => new[] { (byte)(c >> 8), (byte)c })],
            0x9D => [2, 0x80, 0xD5],
            0x9E => [1, 0x80],
            0x9F => [11, 0x80, 0x82, 0x83, 0x8A, 0x9D, 0x9E, 0x9F, 0xD3, 0xD4, 0xD6, 0xD7],
            _ => null,
        };
    }

    private byte[] InstanceList() =>
        [(byte)_objects.Length, .. _objects.SelectMany(o => new[] { (byte)(o.Eoj >> 16), (byte)(o.Eoj >> 8), (byte)o.Eoj })];

    private EchonetMeterObject? Target(int deoj) =>
        Array.Find(_objects, o => o.Eoj == deoj || ((deoj & 0xFF) == 0 && o.ClassCode == deoj >> 8));

    private static bool IsNodeProfile(int deoj) => deoj == EchonetClass.NodeProfileEoj || deoj == 0x0EF000;
}
