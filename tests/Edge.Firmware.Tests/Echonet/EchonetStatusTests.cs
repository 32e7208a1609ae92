using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.Fakes;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// Status properties (APPENDIX Detailed Requirements for ECHONET Device Objects): super class fault status 0x88
/// (0x41 fault occurred, 0x42 no fault; Get required, announced on change), the water flow meter's 0xE3 detection of
/// abnormal value in metering data (0x41 detected, 0x42 not detected) and 0xE4 security data information (unsigned
/// long). The poller asks for them with every cumulative read and passes their INF on to an <see cref="IEchonetStatusSink"/>.
/// </summary>
public sealed class EchonetStatusTests
{
    private const int Smart = 0x028801;
    private const int Water = 0x028101;

    // A live capture (conformance corpus): Get_Res of 0x88 = 0x42 from a home smart meter.
    private const string LiveFaultStatus = "1081000102880105FF017201880142";

    private static readonly long _start = new DateTimeOffset(2026, 5, 20, 14, 26, 0, TimeSpan.FromHours(9)).ToUnixTimeMilliseconds();
    private readonly FakeClock _clock = new() { UtcNowUnixMs = _start, UptimeMs = 5_000 };
    private readonly EchonetValue _v = new();
    private readonly StatusSink _sink = new();

    [Fact]
    public void Decode_LiveCaptureFaultStatus_NoFault()
    {
        var bytes = MBusTestText.Hex(LiveFaultStatus);
        var f = new EchonetFrame();
        Assert.True(f.TryDecode(bytes, 0, bytes.Length), f.ErrorText);
        Assert.True(EchonetPropertyDecoder.Decode(f, 0, new EchonetMeterScale(), _v));
        Assert.Equal((EchonetValueKind.Flag, false, 0x42L), (_v.Kind, _v.Flag, _v.Raw));
    }

    [Theory]
    [InlineData(0x0288, 0x88, "41", true)]
    [InlineData(0x0288, 0x88, "42", false)]
    [InlineData(0x0281, 0x88, "41", true)]
    [InlineData(0x0281, 0xE3, "41", true)]
    [InlineData(0x0281, 0xE3, "42", false)]
    public void Decode_StatusCodes_FlagPerAppendix(int cls, int epc, string edt, bool active)
    {
        Assert.True(Decode(cls, epc, edt));
        Assert.Equal((EchonetValueKind.Flag, active), (_v.Kind, _v.Flag));
    }

    [Theory]
    [InlineData(0x0288, 0x88, "43", EchonetError.OutOfRange)]
    [InlineData(0x0288, 0x88, "00", EchonetError.OutOfRange)]
    [InlineData(0x0288, 0x88, "4141", EchonetError.WrongPdc)]
    [InlineData(0x0281, 0xE3, "30", EchonetError.OutOfRange)]
    [InlineData(0x0281, 0xE4, "000001", EchonetError.WrongPdc)]
    public void Decode_BadStatusEdt_RejectedWithReason(int cls, int epc, string edt, int error)
    {
        Assert.False(Decode(cls, epc, edt));
        Assert.Equal(error, _v.Error);
        Assert.False(string.IsNullOrEmpty(_v.ErrorText));
    }

    [Fact]
    public void Decode_WaterSecurityData_UnsignedLong()
    {
        Assert.True(Decode(0x0281, 0xE4, "80000001"));
        Assert.Equal((EchonetValueKind.Number, 0x80000001L), (_v.Kind, _v.Raw));
    }

    [Fact]
    public void Tick_StatusSink_FaultAskedInTheCumulativeGetAndDeliveredFirst()
    {
        var meter = SmartMeter();
        meter.Properties[0x88] = [0x41];
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.True(poller.Tick());

        // Second request (after the scale): Get 0xE0 and 0x88 from 0x028801, one frame.
        Assert.Equal("1081000205FF0102880162 02 E000 8800".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(meter.Received[1]));
        Assert.Equal(["status 88 True", "reading E0"], _sink.Log);
        Assert.Equal(_start, _sink.Statuses[0].At);
    }

    [Fact]
    public void Tick_WaterMeter_AbnormalValueAskedToo()
    {
        var meter = new SimulatedEchonetMeter(_clock, Water);
        meter.Properties[0xE1] = [0x03];
        meter.Properties[0x88] = [0x42];
        meter.Properties[0xE3] = [0x41];
        var poller = new EchonetMeterPoller(meter, _clock, Water, _sink);
        Assert.True(poller.Tick());
        Assert.Equal(["status 88 False", "status E3 True", "reading E0"], _sink.Log);
    }

    [Fact]
    public void Tick_GasMeter_FaultAskedButNoAbnormalValue()
    {
        // The Machine Readable Appendix gives the gas meter 0x0282 only 0xE0 and 0xE2 of its own.
        var meter = new SimulatedEchonetMeter(_clock, 0x028201) { RegisterAt = _ => 1234 };
        meter.Properties[0x88] = [0x42];
        var poller = new EchonetMeterPoller(meter, _clock, 0x028201, _sink);
        Assert.True(poller.Tick());
        Assert.Equal("1081000105FF0102820162 02 E000 8800".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(meter.Received[0]));
        Assert.Equal(["status 88 False", "reading E0"], _sink.Log);
    }

    [Fact]
    public void Tick_MeterWithoutStatusProperty_ReadingStillTakenAndNotAskedAgain()
    {
        var meter = SmartMeter(); // no 0x88: the Get of E0 and 88 comes back Get_SNA with E0 in it
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.True(poller.Tick());
        Assert.Equal(["reading E0"], _sink.Log);
        _clock.Advance(poller.IntervalMs);
        Assert.True(poller.Tick());
        Assert.Equal("1081000305FF0102880162 01 E000".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(meter.Received[^1]));
    }

    [Fact]
    public void Tick_BadFaultCode_ErrorWithReasonAndNoStatus()
    {
        var meter = SmartMeter();
        meter.Properties[0x88] = [0x45];
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.True(poller.Tick());
        Assert.Empty(_sink.Statuses);
        var e = Assert.Single(_sink.Errors);
        Assert.Equal(0x88, e.Epc);
        Assert.Contains("outside its defined range", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Listen_FaultAnnouncement_DeliveredWithOurTime()
    {
        var meter = SmartMeter();
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.True(poller.Tick());
        _clock.Advance(7_000);
        meter.Push(MBusTestText.Hex("1081 0000 028801 05FF01 73 01 88 01 41"));
        Assert.Equal(1, poller.Requester.Listen(30_000));
        var s = Assert.Single(_sink.Statuses);
        Assert.Equal((Smart, 0x88, true, _start + 7_000), (s.Eoj, s.Epc, s.Active, s.At));
    }

    [Fact]
    public void Listen_SmartMeterE3Inf_IsTheReverseRegisterNotAStatus()
    {
        var meter = SmartMeter();
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.True(poller.Tick());
        meter.Push(MBusTestText.Hex("1081 0000 028801 05FF01 73 01 E3 04 00000016"));
        Assert.Equal(1, poller.Requester.Listen(30_000));
        Assert.Empty(_sink.Statuses);
        Assert.Equal("reading E3", _sink.Log[^1]);
    }

    [Fact]
    public void Tick_PlainReadingSink_OnlyCumulativeAsked()
    {
        var meter = SmartMeter();
        var poller = new EchonetMeterPoller(meter, _clock, Smart, new PlainSink());
        Assert.True(poller.Tick());
        Assert.Equal("1081000205FF0102880162 01 E000".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(meter.Received[1]));
    }

    private SimulatedEchonetMeter SmartMeter()
    {
        var meter = new SimulatedEchonetMeter(_clock, Smart) { RegisterAt = _ => 65139 }; // six digits (0xD7)
        meter.Properties[0xD3] = [0, 0, 0, 1];
        meter.Properties[0xD7] = [6];
        meter.Properties[0xE1] = [0x01];
        return meter;
    }

    private bool Decode(int cls, int epc, string edtHex)
    {
        var edt = MBusTestText.Hex(edtHex);
        return EchonetPropertyDecoder.Decode(cls, epc, edt, 0, edt.Length, new EchonetMeterScale(), _v);
    }

    private sealed class PlainSink : IEchonetReadingSink
    {
        public void OnReading(int eoj, int epc, long observedUnixMs, long mantissa, int exponent, string unit)
        {
        }
    }

    private sealed class StatusSink : IEchonetReadingSink, IEchonetStatusSink
    {
        public List<string> Log { get; } = [];

        public List<(int Eoj, int Epc, bool Active, long At)> Statuses { get; } = [];

        public List<(int Epc, string Reason)> Errors { get; } = [];

        public void OnReading(int eoj, int epc, long observedUnixMs, long mantissa, int exponent, string unit) =>
            Log.Add($"reading {epc:X2}");

        public void OnStatus(int eoj, int epc, bool active, long observedUnixMs)
        {
            Statuses.Add((eoj, epc, active, observedUnixMs));
            Log.Add($"status {epc:X2} {active}");
        }

        public void OnStatusError(int eoj, int epc, string reason) => Errors.Add((epc, reason));
    }
}
