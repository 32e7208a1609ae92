using Edge.Firmware.App;
using Edge.Firmware.Hardware;
using Edge.HwSim.Devices;
using Edge.HwSim.Fleet;

namespace Edge.HwSim.Tests.Fleet;

public class PulseMeterNodeTests
{
    private const long Start = 1_793_491_200_000; // 2026-11-01T00:00:00Z

    private sealed class CollectingUplink : IUplink
    {
        public List<byte[]> Frames { get; } = [];

        public bool IsConnected => true;

        public bool Connect() => true;

        public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
        {
            Frames.Add(payload[..count]);
            return true;
        }

        public void Subscribe(string topic)
        {
        }

        public int TakeMessage(string topic, byte[] buffer) => 0;
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(10_000)]
    [InlineData(250)]
    public void AdvanceTo_TwoDaysWithBounce_FirmwareRegisterMatchesPulsesEmitted(int mlPerPulse)
    {
        var uplink = new CollectingUplink();
        var config = new PulseMeterConfig { DeviceId = "pm-1", MillilitresPerPulse = mlPerPulse, RingCapacity = 128 };
        var node = new PulseMeterNode(config, seed: 7, Start, () => uplink, new ReedBounceModel(4, 1.5));
        node.Boot();
        for (var h = 1; h <= 48; h++)
        {
            node.AdvanceTo(Start + (h * 3_600_000L));
        }

        node.WaterOff = true;
        node.AdvanceTo(Start + (49 * 3_600_000L));

        Assert.True(node.Meter.TrueLitres > 100 && node.Meter.PulsesEmitted >= 10, "the household drew water and the register turned");
        Assert.Equal(node.Meter.PulsesEmitted * mlPerPulse, node.Device.RegisterMl);
        // The register never runs ahead of the water, and lags it by less than one pulse.
        Assert.InRange(node.Meter.TrueLitres * 1000 - node.Device.RegisterMl, 0, mlPerPulse);
        Assert.Equal(49, node.Device.NextSeq - 1);
    }

    [Fact]
    public void AdvanceTo_RebootMidDay_NoPulseLostAndSequenceContinues()
    {
        var uplink = new CollectingUplink();
        var config = new PulseMeterConfig { DeviceId = "pm-2", RingCapacity = 128 };
        var node = new PulseMeterNode(config, seed: 3, Start, () => uplink, new ReedBounceModel());
        node.Boot();
        for (var h = 1; h <= 30; h++)
        {
            node.AdvanceTo(Start + (h * 3_600_000L));
            if (h == 13)
            {
                node.Boot(); // power cycle between two readings
            }
        }

        node.WaterOff = true;
        node.AdvanceTo(Start + (31 * 3_600_000L));

        Assert.Equal(node.Meter.PulsesEmitted * 1000, node.Device.RegisterMl);
        Assert.Equal(2u, node.Device.BootCount);
        Assert.Equal(31, node.Device.NextSeq - 1);
    }
}
