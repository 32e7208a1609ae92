using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.Fakes;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>The requester against <see cref="SimulatedEchonetMeter"/>: TID matching, timeouts, retries, SNA, INF and INFC.</summary>
public sealed class EchonetRequesterTests
{
    private const int Meter = 0x028801;
    private readonly FakeClock _clock = new() { UtcNowUnixMs = 1_779_246_000_000, UptimeMs = 1_000 };
    private readonly SimulatedEchonetMeter _meter;
    private readonly RecordingHandler _handler = new();
    private readonly EchonetRequester _requester;

    public EchonetRequesterTests()
    {
        _meter = new SimulatedEchonetMeter(_clock, Meter);
        _meter.Properties[0xE1] = [0x01];
        _requester = new EchonetRequester(_meter, _clock, _handler);
    }

    [Fact]
    public void Get_MeterAnswers_ResponseMatchedAndRequestAsSpecified()
    {
        Assert.Equal(EchonetOutcome.Ok, _requester.Get(Meter, 0xE0));
        Assert.Equal("1081000105FF010288016201E000", Convert.ToHexString(_meter.Received[0]));
        var f = _requester.Response;
        Assert.Equal(EchonetEsv.GetRes, f.Esv);
        Assert.Equal(_requester.LastTid, f.Tid);
        var edt = f.Buffer.AsSpan(f.EdtOffset(f.Find(0xE0)), 4);
        Assert.Equal(_meter.RegisterAt(_clock.UtcNowUnixMs), (edt[0] << 24) | (edt[1] << 16) | (edt[2] << 8) | edt[3]);
        Assert.Equal(1_000, _clock.UptimeMs); // answered without waiting
    }

    [Fact]
    public void Get_StaleAnswerWithOtherTidFirst_DroppedAndRealOneMatched()
    {
        _meter.SendStaleFirst = true;
        Assert.Equal(EchonetOutcome.Ok, _requester.Get(Meter, 0xE0));
        Assert.Equal(1, _requester.Dropped);
        Assert.Equal(_requester.LastTid, _requester.Response.Tid);
    }

    [Fact]
    public void Get_FirstRequestLost_RetriedWithSameTidAfterTimeout()
    {
        _meter.DropRequests = 1;
        Assert.Equal(EchonetOutcome.Ok, _requester.Get(Meter, 0xE0));
        Assert.Equal(2, _requester.Sent);
        Assert.Equal(_meter.Received[0], _meter.Received[1]);
        Assert.Equal(1_000 + _requester.TimeoutMs, _clock.UptimeMs);
    }

    [Fact]
    public void Get_MeterGone_TimeoutAfterEveryRetry()
    {
        _meter.Offline = true;
        Assert.Equal(EchonetOutcome.Timeout, _requester.Get(Meter, 0xE0));
        Assert.Equal(_requester.Retries + 1, _requester.Sent);
        Assert.Equal(1_000 + ((_requester.Retries + 1) * _requester.TimeoutMs), _clock.UptimeMs);

        _meter.Offline = false;
        Assert.Equal(EchonetOutcome.Ok, _requester.Get(Meter, 0xE0));
        Assert.NotEqual(_meter.Received[0][3], _meter.Received[^1][3]); // a new request, a new TID
    }

    [Fact]
    public void Get_PropertyTheMeterLacks_GetSna()
    {
        Assert.Equal(EchonetOutcome.NotAvailable, _requester.Get(Meter, new byte[] { 0xE1, 0x83 }, 2));
        var f = _requester.Response;
        Assert.Equal(EchonetEsv.GetSna, f.Esv);
        Assert.Equal(1, f.Pdc(0));
        Assert.Equal(0, f.Pdc(1));
    }

    [Fact]
    public void Get_InfArrivesWhileWaiting_HandedToHandler()
    {
        _meter.Push(MBusTestText.Hex("1081 0000 028801 05FF01 73 01 E7 04 000003E8"));
        Assert.Equal(EchonetOutcome.Ok, _requester.Get(Meter, 0xE0));
        Assert.Single(_handler.Frames);
        Assert.Equal("1081000002880105FF017301E704000003E8", _handler.Frames[0]);
        Assert.Equal(0, _requester.Dropped);
    }

    [Fact]
    public void Listen_Infc_AnsweredWithInfcRes()
    {
        _meter.Push(MBusTestText.Hex("1081 0009 028801 05FF01 74 01 E7 04 000003E8"));
        Assert.Equal(1, _requester.Listen(1000));
        Assert.Equal("1081000905FF010288017A01E700", Convert.ToHexString(_meter.Received.Single()));
        Assert.Single(_handler.Frames);
        Assert.Equal(0, _requester.Listen(1000)); // nothing more: waits and returns
    }

    [Fact]
    public void InfReq_MeterAnnounces_InfWithSameTid()
    {
        Assert.Equal(EchonetOutcome.Ok, _requester.InfReq(Meter, new byte[] { 0xE0 }, 1));
        Assert.Equal(EchonetEsv.Inf, _requester.Response.Esv);
        Assert.Equal(0x63, _meter.Received[0][10]);
    }

    [Fact]
    public void SetC_DayOutOfRange_SetCSna()
    {
        Assert.Equal(EchonetOutcome.Ok, _requester.SetC(Meter, 0xE5, 3));
        Assert.Equal("1081000105FF0102880161 01E50103".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(_meter.Received[0]));
        Assert.Equal(EchonetOutcome.NotAvailable, _requester.SetC(Meter, 0xE5, 100));
        Assert.Equal(EchonetEsv.SetCSna, _requester.Response.Esv);
    }

    [Fact]
    public void SetGet_DayThenHistory_BothSectionsAnswered()
    {
        Assert.Equal(EchonetOutcome.Ok, _requester.SetGet(Meter, 0xE5, 2, 0xE2));
        Assert.Equal("1081000105FF010288016E01E50102" + "01E200", Convert.ToHexString(_meter.Received[0]));
        var f = _requester.Response;
        Assert.Equal(EchonetEsv.SetGetRes, f.Esv);
        Assert.Equal((1, 1), (f.Opc, f.OpcGet));
        Assert.Equal(EchonetFrame.SectionGet, f.Section(1));
        Assert.Equal(194, f.Pdc(1));
        Assert.Equal(2, f.Buffer[f.EdtOffset(1) + 1]); // the history is of the day just set
        Assert.Equal(EchonetOutcome.NotAvailable, _requester.SetGet(Meter, 0xE5, 100, 0xE2));
        Assert.Equal(EchonetEsv.SetGetSna, _requester.Response.Esv);
    }

    private sealed class RecordingHandler : IEchonetNotificationHandler
    {
        public List<string> Frames { get; } = [];

        public void OnNotification(EchonetFrame frame) => Frames.Add(Convert.ToHexString(frame.Buffer, 0, frame.Length));
    }
}
