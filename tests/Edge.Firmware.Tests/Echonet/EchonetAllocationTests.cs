using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.Fakes;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// Steady state allocates nothing (DESIGN.md: no allocation per reading on the device): decoding a frame and
/// its numeric, current, history and timed properties, and a Get exchange of the requester and poller.
/// </summary>
public sealed class EchonetAllocationTests
{
    private const int Runs = 2000;

    [Fact]
    public void TryDecodeAndDecodeProperties_NoAllocationPerFrame()
    {
        var history = "000B" + string.Concat(Enumerable.Repeat("0000F766", 48));
        var bytes = MBusTestText.Hex("1081000102880105FF017206 E7040000055E E80400000082 E00400052155 E10101 E2C2" + history + " EA0B07EA05140E00000000FE68");
        var f = new EchonetFrame();
        var scale = new EchonetMeterScale();
        var v = new EchonetValue();
        void Run()
        {
            Assert.True(f.TryDecode(bytes, 0, bytes.Length));
            EchonetPropertyDecoder.Learn(f, scale);
            for (var i = 0; i < f.PropertyCount; i++)
            {
                Assert.True(EchonetPropertyDecoder.Decode(f, i, scale, v));
            }
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < Runs; n++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PollerReadCumulative_NoAllocationPerExchange()
    {
        var clock = new FakeClock { UtcNowUnixMs = 1_779_246_000_000, UptimeMs = 1 };
        var transport = new CannedTransport(MBusTestText.Hex("1081000002880105FF017201E00400052155"));
        var sink = new CountingSink();
        var poller = new EchonetMeterPoller(transport, clock, 0x028801, sink);
        poller.Scale.UnitCode = 0x01;
        Assert.True(poller.ReadCumulative());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 0; n < Runs; n++)
        {
            poller.ReadCumulative();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Runs + 1, sink.Count);
        Assert.Equal(336213, sink.LastMantissa);
    }

    /// <summary>Answers every request with the canned response, its TID set to the request's.</summary>
    private sealed class CannedTransport(byte[] response) : IEchonetTransport
    {
        private bool _pending;

        public bool Send(byte[] buffer, int offset, int length)
        {
            response[2] = buffer[offset + 2];
            response[3] = buffer[offset + 3];
            _pending = true;
            return true;
        }

        public int Receive(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (!_pending)
            {
                return 0;
            }

            _pending = false;
            Array.Copy(response, 0, buffer, offset, response.Length);
            return response.Length;
        }
    }

    private sealed class CountingSink : IEchonetReadingSink
    {
        public int Count { get; private set; }

        public long LastMantissa { get; private set; }

        public void OnReading(int eoj, int epc, long observedUnixMs, long mantissa, int exponent, string unit)
        {
            Count++;
            LastMantissa = mantissa;
        }
    }
}
