using Edge.Firmware.App;
using Edge.Firmware.Hardware;
using Edge.Firmware.Mqtt;

namespace Edge.HwSim.Fleet;

/// <summary>
/// N simulated pulse meter nodes on one simulated clock, each running the real firmware and a real MQTT
/// uplink to the gateway. Each step advances every node in parallel on its own thread (the firmware's
/// uplink blocks while it waits for the PUBACK, as it does on the device).
/// </summary>
public sealed class PulseMeterFleet : IDisposable
{
    private readonly FleetOptions _options;
    private readonly List<PulseMeterNode> _nodes = [];

    /// <summary>Creates and boots the fleet at <see cref="FleetOptions.StartUnixMs"/>.</summary>
    public PulseMeterFleet(FleetOptions options)
    {
        _options = options;
        NowUnixMs = options.StartUnixMs;
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, options.Meters * 2 + 16), Math.Max(io, options.Meters + 16));
        for (var i = 0; i < options.Meters; i++)
        {
            var id = FleetOptions.DeviceId(i);
            var config = new PulseMeterConfig
            {
                DeviceId = id,
                MillilitresPerPulse = options.MillilitresPerPulse,
                ReadingIntervalSeconds = options.ReadingIntervalSeconds,
                PublishTimeoutMs = options.PublishTimeoutMs,
            };
            var uplinkOptions = new MqttUplinkOptions
            {
                Host = options.MqttHost,
                Port = options.MqttPort,
                Username = id,
                Password = options.Password(id),
                ProtocolVersion = options.ProtocolVersion,
                ConnectTimeoutMs = options.ConnectTimeoutMs,
            };
            var node = new PulseMeterNode(config, options.Seed * 100_003 + i, options.StartUnixMs, () => WithProbe(new MqttUplink(uplinkOptions)), options.Bounce);
            if (i < options.UnsyncedMeters)
            {
                node.Clock.RtcOffsetMs = (long)options.UnsyncedRtcOffset.TotalMilliseconds;
                node.Clock.SyncAtUnixMs = options.StartUnixMs + (long)options.SyncAfter.TotalMilliseconds;
            }

            node.Boot();
            _nodes.Add(node);
        }
    }

    /// <summary>The nodes.</summary>
    public IReadOnlyList<PulseMeterNode> Nodes => _nodes;

    /// <summary>Simulated now.</summary>
    public long NowUnixMs { get; private set; }

    /// <summary>Readings the firmware of all nodes has taken.</summary>
    public long ReadingsTaken => _nodes.Sum(n => n.Device.NextSeq - 1);

    /// <summary>Readings taken and not yet acknowledged by the gateway.</summary>
    public long ReadingsPending => _nodes.Sum(n => n.Device.PendingCount);

    /// <summary>Readings acknowledged by the gateway.</summary>
    public long ReadingsSent => ReadingsTaken - ReadingsPending;

    /// <summary>Advances every node to <paramref name="unixMs"/>.</summary>
    public void AdvanceTo(long unixMs)
    {
        var tasks = new Task[_nodes.Count];
        for (var i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            tasks[i] = Task.Factory.StartNew(() => node.AdvanceTo(unixMs), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Task.WaitAll(tasks);
        NowUnixMs = unixMs;
    }

    /// <summary>Advances in steps of <paramref name="step"/> to <paramref name="unixMs"/>, calling <paramref name="afterStep"/> after each.</summary>
    public void Run(long unixMs, TimeSpan step, Action<PulseMeterFleet>? afterStep = null, CancellationToken cancellationToken = default)
    {
        while (NowUnixMs < unixMs && !cancellationToken.IsCancellationRequested)
        {
            AdvanceTo(Math.Min(unixMs, NowUnixMs + (long)step.TotalMilliseconds));
            afterStep?.Invoke(this);
        }
    }

    /// <summary>
    /// Stops the water, lets every register settle and sends every pending reading: simulated time moves
    /// in retry-sized steps until nothing is pending or <paramref name="maxSteps"/> is reached.
    /// Returns true when nothing is pending.
    /// </summary>
    public bool Drain(int maxSteps = 50)
    {
        foreach (var node in _nodes)
        {
            node.WaterOff = true;
        }

        for (var i = 0; i < maxSteps && ReadingsPending > 0; i++)
        {
            AdvanceTo(NowUnixMs + _nodes[0].Config.MaxRetryMs);
        }

        return ReadingsPending == 0;
    }

    private IUplink WithProbe(MqttUplink uplink) =>
        _options.Probe is null ? uplink : new ProbedUplink(uplink, _options.Probe);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            (node.Uplink as IDisposable)?.Dispose();
        }
    }
}
