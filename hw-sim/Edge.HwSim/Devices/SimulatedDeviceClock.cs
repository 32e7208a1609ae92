using Edge.Firmware.Hardware;

namespace Edge.HwSim.Devices;

/// <summary>
/// A device's clocks in simulated time. The simulator sets the true time; the device sees its real-time
/// clock, which may run <see cref="RtcOffsetMs"/> off (a module that lost its time, restarted at its epoch)
/// until it is synchronised at <see cref="SyncAtUnixMs"/>, and an uptime since its last boot.
/// </summary>
public sealed class SimulatedDeviceClock : IClock
{
    /// <summary>True simulated time, Unix ms (the simulator's clock).</summary>
    public long TrueUnixMs { get; set; }

    /// <summary>True time of the last boot.</summary>
    public long BootUnixMs { get; set; }

    /// <summary>How far the real-time clock is off while unsynchronised (device time − true time), ms.</summary>
    public long RtcOffsetMs { get; set; }

    /// <summary>True time at which the clock is synchronised; null when it is synchronised from the start.</summary>
    public long? SyncAtUnixMs { get; set; }

    /// <summary>Clock quality once synchronised.</summary>
    public int SyncedQuality { get; set; } = ClockQualities.Ntp;

    /// <summary>True once the clock has been synchronised (it then stays so: a battery-backed RTC).</summary>
    public bool IsSynced => SyncAtUnixMs is not { } at || TrueUnixMs >= at;

    /// <inheritdoc />
    public long UtcNowUnixMs => IsSynced ? TrueUnixMs : TrueUnixMs + RtcOffsetMs;

    /// <inheritdoc />
    public long UptimeMs => TrueUnixMs - BootUnixMs;

    /// <inheritdoc />
    public int Quality => IsSynced ? SyncedQuality : ClockQualities.RtcUnsynced;
}
