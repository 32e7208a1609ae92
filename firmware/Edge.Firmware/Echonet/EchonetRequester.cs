using Edge.Firmware.Hardware;

namespace Edge.Firmware.Echonet;

/// <summary>
/// Asks one ECHONET Lite node for properties: Get, INF_REQ, SetC and SetGet with a fresh TID each, waits for
/// the response whose TID, source object and ESV match (specification Part 2 chapters 3 and 4: a response
/// echoes the request's TID), resends on timeout, and hands INF/INFC notifications that arrive meanwhile to a
/// handler (answering INFC with INFC_Res). Frames that match nothing (late answers, other objects) are
/// dropped and counted. Buffers are allocated once; a request allocates nothing.
/// </summary>
public sealed partial class EchonetRequester
{
    private readonly IEchonetTransport _transport;
    private readonly IClock _clock;
    private readonly IEchonetNotificationHandler? _handler;
    private readonly EchonetFrameWriter _writer = new EchonetFrameWriter();
    private readonly byte[] _tx = new byte[EchonetFrame.MaxLength];
    private readonly byte[] _rx = new byte[EchonetFrame.MaxLength];
    private readonly byte[] _ack = new byte[EchonetFrame.MaxLength];
    private readonly byte[] _epcs = new byte[1];
    private int _tid;

    /// <summary>Creates a requester speaking as <see cref="LocalEoj"/> (the controller 0x05FF01).</summary>
    public EchonetRequester(IEchonetTransport transport, IClock clock, IEchonetNotificationHandler? handler)
    {
        _transport = transport;
        _clock = clock;
        _handler = handler;
    }

    /// <summary>Our object (SEOJ of requests).</summary>
    public int LocalEoj = EchonetClass.ControllerEoj;

    /// <summary>How long to wait for a response per attempt. Wi-SUN round trips take about a second.</summary>
    public int TimeoutMs = 6000;

    /// <summary>Attempts after the first when no response comes.</summary>
    public int Retries = 2;

    /// <summary>The matched response of the last exchange (valid after <see cref="EchonetOutcome.Ok"/> and NotAvailable).</summary>
    public EchonetFrame Response { get; } = new EchonetFrame();

    /// <summary>Outcome of the last exchange, see <see cref="EchonetOutcome"/>.</summary>
    public int LastOutcome { get; private set; }

    /// <summary>Frames received that matched no request and were not notifications (stale answers, garbage).</summary>
    public int Dropped { get; private set; }

    /// <summary>Requests sent, retries included.</summary>
    public int Sent { get; private set; }

    /// <summary>TID of the last request.</summary>
    public int LastTid => _tid;

    /// <summary>Get (0x62) of <paramref name="count"/> EPCs from <paramref name="deoj"/>; expects Get_Res or Get_SNA.</summary>
    public int Get(int deoj, byte[] epcs, int count)
    {
        if (!BeginRequest(deoj, EchonetEsv.Get))
        {
            return LastOutcome;
        }

        for (var i = 0; i < count; i++)
        {
            _writer.Add(epcs[i]);
        }

        return Exchange(deoj, EchonetEsv.GetRes, EchonetEsv.GetSna);
    }

    /// <summary>Get of one EPC.</summary>
    public int Get(int deoj, int epc)
    {
        _epcs[0] = (byte)epc;
        return Get(deoj, _epcs, 1);
    }

    /// <summary>INF_REQ (0x63): asks the node to announce the EPCs; expects INF (same TID) or INF_SNA.</summary>
    public int InfReq(int deoj, byte[] epcs, int count)
    {
        if (!BeginRequest(deoj, EchonetEsv.InfReq))
        {
            return LastOutcome;
        }

        for (var i = 0; i < count; i++)
        {
            _writer.Add(epcs[i]);
        }

        return Exchange(deoj, EchonetEsv.Inf, EchonetEsv.InfSna);
    }

    /// <summary>SetC (0x61) of one property; expects Set_Res or SetC_SNA.</summary>
    public int SetC(int deoj, int epc, byte[] edt, int offset, int length)
    {
        if (!BeginRequest(deoj, EchonetEsv.SetC))
        {
            return LastOutcome;
        }

        _writer.Add(epc, edt, offset, length);
        return Exchange(deoj, EchonetEsv.SetRes, EchonetEsv.SetCSna);
    }

    /// <summary>SetC of a one-byte property (e.g. 0xE5, the day of the historical data to read).</summary>
    public int SetC(int deoj, int epc, int value)
    {
        if (!BeginRequest(deoj, EchonetEsv.SetC))
        {
            return LastOutcome;
        }

        _writer.AddByte(epc, value);
        return Exchange(deoj, EchonetEsv.SetRes, EchonetEsv.SetCSna);
    }

    /// <summary>SetGet (0x6E): one one-byte Set, then a Get of <paramref name="getEpc"/>, in one exchange.</summary>
    public int SetGet(int deoj, int setEpc, int setValue, int getEpc)
    {
        if (!BeginRequest(deoj, EchonetEsv.SetGet))
        {
            return LastOutcome;
        }

        _writer.AddByte(setEpc, setValue);
        _writer.BeginGetSection();
        _writer.Add(getEpc);
        return Exchange(deoj, EchonetEsv.SetGetRes, EchonetEsv.SetGetSna);
    }

    private bool BeginRequest(int deoj, int esv)
    {
        // TID 0 is left to the node's own notifications, so a response can never be confused with one.
        _tid = (_tid % 0xFFFF) + 1;
        _writer.Begin(_tx, 0, _tid, LocalEoj, deoj, esv);
        return true;
    }
}
