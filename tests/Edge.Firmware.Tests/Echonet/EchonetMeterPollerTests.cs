using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.Fakes;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// The poller against <see cref="SimulatedEchonetMeter"/>: scale first, then SI readings; after an outage the
/// gap is filled from the meter's half-hourly history; notifications become readings with the meter's time.
/// Expected values come from the simulated meter's own state and the APPENDIX scaling rule.
/// </summary>
public sealed class EchonetMeterPollerTests
{
    private const int Smart = 0x028801;

    // 2026-05-20 21:10 JST (12:10 UTC): an outage from here crosses local midnight.
    private static readonly long _start = new DateTimeOffset(2026, 5, 20, 21, 10, 0, TimeSpan.FromHours(9)).ToUnixTimeMilliseconds();
    private readonly FakeClock _clock = new() { UtcNowUnixMs = _start, UptimeMs = 5_000 };
    private readonly RecordingSink _sink = new();

    private (SimulatedEchonetMeter Meter, EchonetMeterPoller Poller) SmartMeter()
    {
        var meter = new SimulatedEchonetMeter(_clock, Smart);
        meter.Properties[0xD3] = [0, 0, 0, 10]; // coefficient 10
        meter.Properties[0xD7] = [6];
        meter.Properties[0xE1] = [0x01]; // 0.1 kWh

        // Six effective digits: the register stays below 1,000,000 (0.1 kWh per 6 minutes from 5000.0 kWh).
        meter.RegisterAt = ms => 50_000 + ((ms - _start) / 360_000);
        return (meter, new EchonetMeterPoller(meter, _clock, Smart, _sink));
    }

    [Fact]
    public void Tick_First_ReadsScaleThenDeliversKwh()
    {
        var (meter, poller) = SmartMeter();
        Assert.True(poller.Tick());
        Assert.Equal("1081000105FF0102880162 03D300D700E100".Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(meter.Received[0]));
        var r = Assert.Single(_sink.Readings);
        Assert.Equal((Smart, 0xE0, _start, "kWh"), (r.Eoj, r.Epc, r.At, r.Unit));
        Assert.Equal(meter.RegisterAt(_start) * 10 * 0.1m, r.Value); // raw × coefficient × unit
        Assert.False(poller.Tick()); // not due yet
    }

    [Fact]
    public void Tick_AfterOutageAcrossMidnight_GapFilledFromTwoDaysOfHistory()
    {
        var (meter, poller) = SmartMeter();
        Assert.True(poller.Tick());
        meter.Offline = true;
        var end = _start + (5 * 3_600_000L);
        while (_clock.UtcNowUnixMs < end)
        {
            Assert.False(poller.Tick());
            _clock.Advance(60_000);
        }

        meter.Offline = false;
        while (!poller.Tick())
        {
            _clock.Advance(60_000);
        }

        var last = poller.LastReadUnixMs;
        var expected = new List<(long At, decimal Value)>();
        for (var at = _start - (_start % 1_800_000) + 1_800_000; at <= last; at += 1_800_000)
        {
            expected.Add((at, meter.RegisterAt(at) * 10 * 0.1m));
        }

        var history = _sink.Readings.Where(x => x.Epc == 0xE2).Select(x => (x.At, x.Value)).ToList();
        Assert.Equal(expected, history);
        Assert.Equal(10, history.Count); // 21:30 JST to 02:00 JST
        Assert.Equal(history.Count, poller.HistorySlotsDelivered);

        // Day 1 (yesterday, before midnight) was selected with 0xE5 before day 0.
        var setDays = meter.Received.Where(q => q[10] == 0x61).Select(q => q[14]).ToArray();
        Assert.Equal(new byte[] { 1, 0 }, setDays);
        Assert.Equal(2, _sink.Readings.Count(x => x.Epc == 0xE0));
    }

    [Fact]
    public void Listen_UnsolicitedFixedTimeInf_ReadingAtMeterTime()
    {
        var (meter, poller) = SmartMeter();
        Assert.True(poller.Tick());
        meter.Push(MBusTestText.Hex("1081 0000 028801 05FF01 73 01 EA 0B 07EA0514 0E1E00 0000FE68"));
        Assert.Equal(1, poller.Requester.Listen(30_000));
        var r = _sink.Readings.Single(x => x.Epc == 0xEA);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 14, 30, 0, TimeSpan.FromHours(9)).ToUnixTimeMilliseconds(), r.At);
        Assert.Equal(65128 * 10 * 0.1m, r.Value);
    }

    [Fact]
    public void Listen_InfNoDataRegister_NoReading()
    {
        var (meter, poller) = SmartMeter();
        Assert.True(poller.Tick());
        meter.Push(MBusTestText.Hex("1081 0000 028801 05FF01 73 01 E0 04 FFFFFFFE"));
        Assert.Equal(1, poller.Requester.Listen(30_000));
        Assert.Single(_sink.Readings);
    }

    [Fact]
    public void Listen_InfFromAnotherInstance_NotTakenForThisMeter()
    {
        var (meter, poller) = SmartMeter();
        Assert.True(poller.Tick());
        meter.Push(MBusTestText.Hex("1081 0000 028802 05FF01 73 02 E1 01 0D E0 04 00000010"));
        Assert.Equal(1, poller.Requester.Listen(30_000));
        Assert.Single(_sink.Readings);
        Assert.Equal(0x01, poller.Scale.UnitCode);
    }

    [Fact]
    public void Tick_WaterMeter_CubicMetresFromItsUnit()
    {
        var meter = new SimulatedEchonetMeter(_clock, 0x028101);
        meter.Properties[0xE1] = [0x03]; // 0.001 m3
        var poller = new EchonetMeterPoller(meter, _clock, 0x028101, _sink);
        Assert.True(poller.Tick());
        var r = Assert.Single(_sink.Readings);
        Assert.Equal("m3", r.Unit);
        Assert.Equal(meter.RegisterAt(_start) * 0.001m, r.Value);
    }

    [Fact]
    public void Tick_MeterWithoutCoefficient_GetSnaStillGivesUnitAndCoefficientOne()
    {
        var meter = new SimulatedEchonetMeter(_clock, Smart) { RegisterAt = _ => 12345 };
        meter.Properties[0xE1] = [0x02]; // 0.01 kWh; no 0xD3 and no 0xD7: the Get of all three is Get_SNA
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.True(poller.Tick());
        Assert.Equal(1, poller.Scale.Coefficient);
        Assert.Equal(123.45m, Assert.Single(_sink.Readings).Value);
    }

    [Fact]
    public void Tick_MeterWithoutUnit_NoReadingAndRetriesLater()
    {
        var meter = new SimulatedEchonetMeter(_clock, Smart);
        var poller = new EchonetMeterPoller(meter, _clock, Smart, _sink);
        Assert.False(poller.Tick());
        Assert.Equal(EchonetOutcome.NotAvailable, poller.LastOutcome);
        Assert.Empty(_sink.Readings);
        var sent = meter.Received.Count;
        Assert.False(poller.Tick()); // retry not due yet
        Assert.Equal(sent, meter.Received.Count);
    }

    private sealed class RecordingSink : IEchonetReadingSink
    {
        public List<(int Eoj, int Epc, long At, decimal Value, string Unit)> Readings { get; } = [];

        public void OnReading(int eoj, int epc, long observedUnixMs, long mantissa, int exponent, string unit)
        {
            decimal v = mantissa;
            for (var e = exponent; e < 0; e++)
            {
                v /= 10;
            }

            for (var e = exponent; e > 0; e--)
            {
                v *= 10;
            }

            Readings.Add((eoj, epc, observedUnixMs, v, unit));
        }
    }
}
