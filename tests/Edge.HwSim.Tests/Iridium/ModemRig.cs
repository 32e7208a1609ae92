using Edge.Firmware.Host.Serial;
using Edge.Gateway.Links.Iridium;
using Edge.HwSim.Iridium;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>A virtual 9603 on a real pty and the gateway's driver on the other end, in scaled time (1 s = 1 ms).</summary>
public sealed class ModemRig : IDisposable
{
    public const double Scale = 1000;

    public ModemRig(Virtual9603Options? options = null, IridiumModemOptions? driverOptions = null)
    {
        Time = new ScaledTimeProvider(Scale, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        Modem = new Virtual9603(options ?? new Virtual9603Options(), Time);
        Modem.Start();
        Port = new PosixSerialPort(Modem.PortPath);

        // Safety-net timeouts in simulated time; answers come in milliseconds of real time.
        Driver = new IridiumModem(Port, driverOptions ?? new IridiumModemOptions
        {
            CommandTimeout = TimeSpan.FromMinutes(10),
            SessionTimeout = TimeSpan.FromMinutes(30),
        }, Time, NullLogger<IridiumModem>.Instance);
    }

    public ScaledTimeProvider Time { get; }

    public Virtual9603 Modem { get; }

    public PosixSerialPort Port { get; }

    public IridiumModem Driver { get; }

    public void Dispose()
    {
        Driver.Dispose();
        Port.Dispose();
        Modem.Dispose();
        Assert.Null(Modem.Fault);
    }
}
