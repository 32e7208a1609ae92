using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Fakes;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeClock : IClock
{
    public long UtcNowUnixMs { get; set; }

    public long UptimeMs { get; set; }

    public int Quality { get; set; } = ClockQualities.Ntp;

    public void Advance(long ms)
    {
        UtcNowUnixMs += ms;
        UptimeMs += ms;
    }
}
