using Edge.Firmware.Host;
using Edge.Firmware.Host.Serial;
using Edge.Firmware.Wisun;
using Edge.HwSim.Iridium;
using Edge.HwSim.Serial;
using Edge.HwSim.Wisun;

namespace Edge.HwSim.Tests.Wisun;

/// <summary>The virtual module on a real pty and the firmware client on the other end, both in scaled time (1 s = 50 ms).</summary>
public sealed class WisunRig : IDisposable
{
    public const double Scale = 20;

    public WisunRig(int generation = WisunModuleGeneration.Bp35A1, VirtualBrouteMeter? meter = null)
    {
        Time = new ScaledTimeProvider(Scale, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        Meter = meter ?? new VirtualBrouteMeter { Responder = RecordedMeterFrames.Respond };
        Module = new VirtualWisunModule(new VirtualWisunModuleOptions { Generation = generation }, Meter, Time);
        Module.Start();
        Port = new PosixSerialPort(Module.PortPath, 115200, 8, 0, 1);
        Clock = new TimeProviderClock(Time);
        Client = new WisunBrouteClient(new ScaledSerialLink(Port, Time), Clock, new WisunBrouteConfig
        {
            Password = Meter.Password,
            RouteBId = Meter.RouteBId,
            Generation = generation,

            // Safety nets only (answers and EVENT 22 come on time): a loaded machine's scheduling delays are
            // multiplied by the scale in simulated time.
            CommandTimeoutMs = 60_000,
            ScanMarginMs = 60_000,
            SendTimeoutMs = 60_000,
        });
    }

    public ScaledTimeProvider Time { get; }

    public VirtualBrouteMeter Meter { get; }

    public VirtualWisunModule Module { get; }

    public PosixSerialPort Port { get; }

    public TimeProviderClock Clock { get; }

    public WisunBrouteClient Client { get; }

    public void Dispose()
    {
        Port.Dispose();
        Module.Dispose();
        Assert.Null(Module.Fault);
    }
}
