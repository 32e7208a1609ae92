namespace Edge.Firmware.Sensors;

/// <summary>
/// Waits a few milliseconds between a command and its answer (Sensirion sensors NACK while a command
/// executes). On the device <c>Thread.Sleep</c>; in hw-sim the wait advances the simulated time.
/// </summary>
public interface IDelay
{
    /// <summary>Returns after at least <paramref name="milliseconds"/>.</summary>
    void Wait(int milliseconds);
}
