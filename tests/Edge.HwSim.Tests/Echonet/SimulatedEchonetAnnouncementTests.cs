using Edge.HwSim.Echonet;
using Edge.HwSim.Iridium;
using Edge.HwSim.Wisun;

namespace Edge.HwSim.Tests.Echonet;

/// <summary>
/// What hw-sim's meters announce by themselves (INF, ESV 0x73, TID 0, to the controller 0x05FF01): a change of fault
/// status 0x88 (APPENDIX §2.2: 0x41 fault occurred, 0x42 no fault; announced at status change), of the water flow
/// meter's abnormal value 0xE3 (0x41 detected, 0x42 not), and the smart meter's fixed-time values 0xEA/0xEB at each
/// half-hour grid point. Frames are checked byte by byte against Part 2 §3.2; registers computed here.
/// </summary>
public sealed class SimulatedEchonetAnnouncementTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] Id = [0xFE, 0x00, 0x00, 0x16, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Fact]
    public void SetFault_ChangeOnly_AnnouncedOnceAndAnsweredFromState()
    {
        var meter = new SimulatedSmartElectricMeter(new StepTime(Start), Id);
        var (node, sent) = Attached(meter);
        using (node)
        {
            meter.SetFault(true);
            meter.SetFault(true); // no change: nothing announced
            Assert.Equal("1081000002880105FF017301880141", Assert.Single(sent));
            Assert.Equal("1081000902880105FF017201880141", Convert.ToHexString(node.Answer(Convert.FromHexString("1081000905FF010288016201 8800".Replace(" ", "", StringComparison.Ordinal)))!));

            meter.SetFault(false);
            Assert.Equal("1081000002880105FF017301880142", sent[^1]);
            Assert.Equal(2, node.Notifications);
        }
    }

    [Fact]
    public void SetAbnormalValue_WaterMeter_AnnouncesE3AndListsItInTheAnnouncementMap()
    {
        var meter = new SimulatedWaterFlowMeter(new StepTime(Start), Id) { SecurityData = 0x00000104 };
        var (node, sent) = Attached(meter);
        using (node)
        {
            meter.SetAbnormalValue(true);
            Assert.Equal("1081000002810105FF017301E30141", Assert.Single(sent));

            // Get E3, E4 and the status change announcement map 9D (list form: 3 EPCs 80, 88, E3).
            var answer = node.Answer(Convert.FromHexString("1081000A05FF010281016203E300E4009D00"))!;
            Assert.Equal("1081000A02810105FF017203E30141E40400000104" + "9D0403" + "8088E3", Convert.ToHexString(answer));
        }
    }

    [Fact]
    public void FixedTime_GridPointPassed_InfOfEaAndEbWithTheRegisterThere()
    {
        // 00:20 UTC (09:20 JST), 600 times real time: the 09:30 JST grid point comes after a second.
        var time = new ScaledTimeProvider(600, Start.AddMinutes(20));
        var meter = new SimulatedSmartElectricMeter(time, Id, energyKwh: 100m) { UnitCode = 0x02, EffectiveDigits = 6, PowerWatts = 1200 };
        var (node, sent) = Attached(meter);
        using (node)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (sent.Count == 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            // 09:30:00 JST = 07EA 0B 1A 09 1E 00; E0 there = floor((100 kWh + 1.2 kW × hours since creation) / 0.01 kWh).
            var grid = Start.AddMinutes(30).ToUnixTimeMilliseconds();
            var counts = (long)decimal.Floor((100m + (1.2m * (grid - meter.StartedUnixMs) / 3_600_000m)) / 0.01m);
            var frame = Assert.Single(sent);
            Assert.Equal("1081000002880105FF017302" + "EA0B07EA0B1A091E00" + counts.ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + "EB0B07EA0B1A091E0000000000", frame);
        }
    }

    private static (SimulatedEchonetNode Node, List<string> Sent) Attached(EchonetMeterObject meter)
    {
        var sent = new List<string>();
        var radio = new VirtualBrouteMeter
        {
            Push = frame =>
            {
                lock (sent)
                {
                    sent.Add(Convert.ToHexString(frame));
                }

                return true;
            },
        };
        var node = new SimulatedEchonetNode(meter);
        node.AttachTo(radio);
        return (node, sent);
    }

    private sealed class StepTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
