using Edge.Firmware.Echonet;
using Edge.HwSim.Echonet;

namespace Edge.HwSim.Tests.Echonet;

/// <summary>
/// hw-sim's ECHONET Lite meters: requests written and answers checked byte by byte against the specification's frame
/// layout (Part 2 §3.2) and APPENDIX property formats; expected registers computed here from the consumption given.
/// </summary>
public sealed class SimulatedEchonetNodeTests
{
    // 2026-11-26 00:00 UTC = 09:00 JST, a half-hour grid point.
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Id = [0xFE, 0x00, 0x00, 0x16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Fact]
    public void Get_ScaleAndCumulative_AnswersGetResFromTheRegister()
    {
        var time = new StepTime(Start);
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 1234.56m) { Coefficient = 1, UnitCode = 0x01, EffectiveDigits = 6, PowerWatts = 0 };
        var node = new SimulatedEchonetNode(meter);

        // Get (62) of D3, D7, E1, E0 from the controller 05FF01 to 028801, TID 0x1234.
        var answer = node.Answer(Convert.FromHexString("1081123405FF010288016204D300D700E100E000"));

        // Get_Res (72), TID echoed, SEOJ/DEOJ swapped; D3 = 1, D7 = 6, E1 = 0x01 (0.1 kWh), E0 = 12345 (0x3039).
        Assert.Equal("10811234028801" + "05FF01" + "7204" + "D30400000001" + "D70106" + "E10101" + "E00400003039", Convert.ToHexString(answer!));
    }

    [Fact]
    public void Get_UnknownProperty_AnswersGetSnaWithPdcZero()
    {
        var node = new SimulatedEchonetNode(new SimulatedSmartElectricMeter(new StepTime(Start), Id));

        var answer = node.Answer(Convert.FromHexString("1081000105FF010288016202D700F000"));

        Assert.Equal("1081000102880105FF015202D70106F000", Convert.ToHexString(answer!));
    }

    [Fact]
    public void Answer_GarbageOrOtherObject_AnswersNothing()
    {
        var node = new SimulatedEchonetNode(new SimulatedSmartElectricMeter(new StepTime(Start), Id));

        Assert.Null(node.Answer([0x10, 0x81, 0x00]));
        Assert.Null(node.Answer(Convert.FromHexString("1081000105FF010281016201E000")));
        Assert.Equal(2, node.Ignored);
    }

    [Fact]
    public void History_AfterAnHourAtOneKilowatt_HoldsTheGridPointsOfTheDay()
    {
        var time = new StepTime(Start);
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 0) { UnitCode = 0x01, PowerWatts = 1000 };
        var node = new SimulatedEchonetNode(meter);
        time.Now = Start.AddMinutes(75);

        // SetC (61) E5 = 0, then Get E2.
        Assert.Equal("1081000202880105FF017101E500", Convert.ToHexString(node.Answer(Convert.FromHexString("1081000205FF010288016101E50100"))!));
        var answer = node.Answer(Convert.FromHexString("1081000305FF010288016201E200"))!;

        // Header 12 bytes, EPC E2, PDC 194 (0xC2): day 0x0000, then 48 × 4 bytes from 00:00 JST.
        Assert.Equal(0xE2, answer[12]);
        Assert.Equal(0xC2, answer[13]);
        var slots = answer[16..];
        long Slot(int s) => (long)(((uint)slots[s * 4] << 24) | ((uint)slots[(s * 4) + 1] << 16) | ((uint)slots[(s * 4) + 2] << 8) | slots[(s * 4) + 3]);

        // 09:30 JST: 0.5 kWh = 5 counts of 0.1 kWh; 10:00 JST: 1.0 kWh = 10. 09:00 is the creation instant (not a
        // grid point passed), the rest of the day is still to come: 0xFFFFFFFE (no data).
        Assert.Equal(0xFFFFFFFEL, Slot(18));
        Assert.Equal(5, Slot(19));
        Assert.Equal(10, Slot(20));
        Assert.Equal(0xFFFFFFFEL, Slot(21));
        Assert.Equal(0xFFFFFFFEL, Slot(0));
    }

    [Fact]
    public void FixedTime_AfterAnHour_IsTheLastGridPointInLocalTime()
    {
        var time = new StepTime(Start);
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 0) { UnitCode = 0x01, PowerWatts = 1000 };
        var node = new SimulatedEchonetNode(meter);
        time.Now = Start.AddMinutes(75);

        var answer = node.Answer(Convert.FromHexString("1081000405FF010288016201EA00"))!;

        // 2026-11-26 10:00:00 JST (07EA 0B 1A 0A 00 00), register 10.
        Assert.Equal("1081000402880105FF017201EA0B07EA0B1A0A00000000000A", Convert.ToHexString(answer));
    }

    [Fact]
    public void SetC_DayOutOfRange_AnswersSetCSnaEchoingTheValue()
    {
        var node = new SimulatedEchonetNode(new SimulatedSmartElectricMeter(new StepTime(Start), Id));

        var answer = node.Answer(Convert.FromHexString("1081000505FF010288016101E50164"));

        Assert.Equal("1081000502880105FF015101E50164", Convert.ToHexString(answer!));
    }

    [Fact]
    public void WaterMeter_TenMinutesAtSixHundredLitresPerHour_CountsOneHundredLitres()
    {
        var time = new StepTime(Start);
        var meter = new SimulatedWaterFlowMeter(time, Id, volumeM3: 0) { UnitCode = 0x03, FlowM3PerHour = 0.6m };
        var node = new SimulatedEchonetNode(meter);
        time.Now = Start.AddMinutes(10);

        var answer = node.Answer(Convert.FromHexString("1081000605FF010281016202E000E100"));

        // 0.1 m3 in 0.001 m3 counts = 100 (0x64); unit code 03.
        Assert.Equal("1081000602810105FF017202E00400000064E10103", Convert.ToHexString(answer!));
    }

    [Fact]
    public void InstanceList_OneSmartMeter_IsTheNodeProfileInf()
    {
        var node = new SimulatedEchonetNode(new SimulatedSmartElectricMeter(new StepTime(Start), Id));

        // INF (73) from and to the node profile 0EF001, D5: one instance, 028801 (Part 2 §6.11.1, 0xD5).
        Assert.Equal("108100000EF0010EF0017301D50401028801", Convert.ToHexString(node.InstanceListNotification()));
    }

    [Fact]
    public void Answers_DecodeWithTheFirmwareCodec_ToTheMetersScale()
    {
        var time = new StepTime(Start);
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 500m) { Coefficient = 10, UnitCode = 0x02, PowerWatts = 0 };
        var node = new SimulatedEchonetNode(meter);
        var frame = new EchonetFrame();
        var scale = new EchonetMeterScale();
        var value = new EchonetValue();

        var answer = node.Answer(Convert.FromHexString("1081000705FF010288016204D300D700E100E000"))!;
        Assert.True(frame.TryDecode(answer, 0, answer.Length));
        EchonetPropertyDecoder.Learn(frame, scale);
        Assert.True(EchonetPropertyDecoder.Decode(frame, frame.Find(0xE0), scale, value));

        // 500 kWh at 10 × 0.01 kWh per count: 5000 counts, 5000 × 10 × 10^-2 kWh.
        Assert.Equal(5000, value.Raw);
        Assert.Equal(50000, value.Mantissa);
        Assert.Equal(-2, value.Exponent);
        Assert.Equal("kWh", value.Unit);
    }

    private sealed class StepTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
