using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Metering;
using Edge.Firmware.Storage;
using Edge.Firmware.Tests.Fakes;
using Xunit.Abstractions;

namespace Edge.Firmware.Tests.App;

public class PulseMeterAllocationTests(ITestOutputHelper output)
{
    private sealed class CountingUplink : IUplink
    {
        public long Frames { get; private set; }

        public bool IsConnected => true;

        public bool Connect() => true;

        public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
        {
            Frames++;
            return true;
        }

        public void Subscribe(string topic)
        {
        }

        public int TakeMessage(string topic, byte[] buffer) => 0;
    }

    [Fact]
    public void Tick_SteadyState10000Readings_AllocatesNothing()
    {
        var clock = new FakeClock { UtcNowUnixMs = 1_764_028_800_000, UptimeMs = 1 };
        var input = new FakePulseInput();
        var uplink = new CountingUplink();
        var config = new PulseMeterConfig { RingCapacity = 256 };
        var device = new PulseMeterDevice(config, input, clock, new MemoryStorage(ReadingRing.RequiredBytes(256)), uplink);
        device.Start();

        void OneReading()
        {
            // A turn of the register (with bounce on A), then the hour boundary.
            input.Set(PulseInputs.ReedA, true, clock.UptimeMs);
            input.Set(PulseInputs.ReedA, false, clock.UptimeMs);
            input.Set(PulseInputs.ReedA, true, clock.UptimeMs + 1);
            clock.Advance(500);
            input.Set(PulseInputs.ReedB, true, clock.UptimeMs);
            clock.Advance(500);
            input.Set(PulseInputs.ReedA, false, clock.UptimeMs);
            clock.Advance(500);
            input.Set(PulseInputs.ReedB, false, clock.UptimeMs);
            clock.Advance(3_600_000 - 1500);
            device.Tick();
        }

        for (var i = 0; i < 200; i++)
        {
            OneReading();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            OneReading();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"allocated_bytes_over_10000_readings={allocated}");
        Assert.Equal(10_200, uplink.Frames);
        Assert.Equal(10_200L * 1000, device.RegisterMl);
        Assert.Equal(0, allocated);
    }
}
