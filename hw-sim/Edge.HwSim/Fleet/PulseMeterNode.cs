using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Storage;
using Edge.HwSim.Devices;
using Edge.HwSim.Physics;

namespace Edge.HwSim.Fleet;

/// <summary>
/// One simulated household meter node: the household's water use turns a simulated pulse meter whose
/// contacts drive the real firmware (<see cref="PulseMeterDevice"/>) over simulated flash, sending
/// through a real uplink. Time only moves when the simulator calls <see cref="AdvanceTo"/>.
/// </summary>
public sealed class PulseMeterNode
{
    private readonly HouseholdConsumptionModel _household;
    private readonly Func<IUplink> _uplinkFactory;
    private readonly LinkedList<(long Start, long Duration, double Litres)> _flows = new();
    private long _plannedUntilUnixMs;
    private long _lastFlowEndUnixMs;

    /// <summary>Creates the node; call <see cref="Boot"/> before advancing time.</summary>
    public PulseMeterNode(PulseMeterConfig config, int seed, long startUnixMs, Func<IUplink> uplinkFactory, ReedBounceModel bounce)
    {
        Config = config;
        _household = new HouseholdConsumptionModel(seed);
        _uplinkFactory = uplinkFactory;
        Meter = new SimulatedPulseMeter(config.MillilitresPerPulse / 1000.0, bounce, seed);
        Storage = new MemoryStorage(ReadingRing.RequiredBytes(config.RingCapacity));
        Clock = new SimulatedDeviceClock { TrueUnixMs = startUnixMs };
        _plannedUntilUnixMs = startUnixMs;
        _lastFlowEndUnixMs = startUnixMs;
    }

    /// <summary>Provisioned settings.</summary>
    public PulseMeterConfig Config { get; }

    /// <summary>The simulated meter (ground truth lives here).</summary>
    public SimulatedPulseMeter Meter { get; }

    /// <summary>The node's simulated flash.</summary>
    public MemoryStorage Storage { get; }

    /// <summary>The node's clock.</summary>
    public SimulatedDeviceClock Clock { get; }

    /// <summary>The firmware instance of the current boot.</summary>
    public PulseMeterDevice Device { get; private set; } = null!;

    /// <summary>The uplink of the current boot.</summary>
    public IUplink Uplink { get; private set; } = null!;

    /// <summary>
    /// The highest sequence number up to which the firmware holds its readings acknowledged (every reading
    /// up to it got a PUBACK, as readings are acknowledged in order, unless a full ring overwrote unsent ones).
    /// Read it between steps, not while the node advances.
    /// </summary>
    public long AcknowledgedSeq => Device.NextSeq - 1 - Device.PendingCount;

    /// <summary>When true the household uses no water (lets the register settle before a final check).</summary>
    public bool WaterOff { get; set; }

    /// <summary>Powers the node up (or back up): the firmware starts from what the flash holds.</summary>
    public void Boot()
    {
        (Uplink as IDisposable)?.Dispose();
        Uplink = _uplinkFactory();
        Clock.BootUnixMs = Clock.TrueUnixMs - 1000; // a second of boot time before the app starts
        Meter.UptimeOriginUnixMs = Clock.BootUnixMs;
        Device = new PulseMeterDevice(Config, Meter, Clock, Storage, Uplink);
        Device.Start();
    }

    /// <summary>Moves simulated time to <paramref name="unixMs"/>: water flows, pulses reach the firmware, the firmware ticks.</summary>
    public void AdvanceTo(long unixMs)
    {
        PlanUntil(unixMs);
        while (_flows.First is { } head && head.Value.Start < unixMs)
        {
            var (start, duration, litres) = head.Value;
            var end = start + duration;
            if (end > unixMs)
            {
                // Split the draw at the target time; the rest stays at the head and flows later.
                var firstPart = (double)(unixMs - start) / duration;
                FlowAt(start, unixMs - start, litres * firstPart);
                head.Value = (unixMs, end - unixMs, litres * (1 - firstPart));
                break;
            }

            _flows.RemoveFirst();
            FlowAt(start, duration, litres);
        }

        Clock.TrueUnixMs = unixMs;
        Device.Tick();
    }

    private void FlowAt(long start, long duration, double litres)
    {
        if (!WaterOff)
        {
            Clock.TrueUnixMs = Math.Max(Clock.TrueUnixMs, start);
            Meter.Flow(start, duration, litres);
        }
    }

    // Turn the household's draws into non-overlapping flows, an hour at a time.
    private void PlanUntil(long unixMs)
    {
        while (_plannedUntilUnixMs < unixMs)
        {
            var hourStart = _plannedUntilUnixMs / 3_600_000 * 3_600_000;
            foreach (var draw in _household.DrawsInHour(DateTimeOffset.FromUnixTimeMilliseconds(hourStart)))
            {
                var start = Math.Max(hourStart + (long)draw.Start.TotalMilliseconds, _lastFlowEndUnixMs);
                if (start < _plannedUntilUnixMs)
                {
                    continue; // before the node started
                }

                var duration = (long)draw.Duration.TotalMilliseconds;
                _flows.AddLast((start, duration, draw.Litres));
                _lastFlowEndUnixMs = start + duration;
            }

            _plannedUntilUnixMs = hourStart + 3_600_000;
        }
    }
}
