using Edge.Firmware.Echonet;
using Edge.HwSim.Wisun;

namespace Edge.HwSim.Echonet;

/// <summary>What the node announces by itself through the radio it is attached to.</summary>
public sealed partial class SimulatedEchonetNode
{
    /// <summary>An INF from <paramref name="source"/> with the current values of <paramref name="epcs"/> (those it has).</summary>
    public byte[] Notification(EchonetMeterObject source, params int[] epcs)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(epcs);
        lock (_lock)
        {
            var buffer = new byte[EchonetFrame.MaxLength];
            _writer.Begin(buffer, 0, 0, source.Eoj, ControllerEoj, EchonetEsv.Inf);
            foreach (var epc in epcs)
            {
                if (source.Read(epc) is { } edt)
                {
                    _writer.Add(epc, edt, 0, edt.Length);
                }
            }

            return buffer[.._writer.Finish()];
        }
    }

    /// <summary>Stops the half-hourly notifications and detaches from the meters.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _meter = null;
            foreach (var t in _timers)
            {
                t.Dispose();
            }

            _timers.Clear();
        }

        foreach (var o in _objects)
        {
            o.Announced -= OnAnnounced;
        }
    }

    private void OnAnnounced(EchonetMeterObject source, int epc) => Push(Notification(source, epc));

    /// <summary>Sends through the radio, outside the node's lock (the module calls into the node under its own).</summary>
    private void Push(byte[] frame)
    {
        VirtualBrouteMeter? meter;
        lock (_lock)
        {
            meter = _meter;
        }

        if (meter?.Push is { } push && push(frame))
        {
            lock (_lock)
            {
                Notifications++;
            }
        }
    }

    /// <summary>A timer at each grid point after now: INF of 0xEA and 0xEB, stamped with that grid point by the meter.</summary>
    private void StartFixedTimeNotifications(SimulatedSmartElectricMeter smart)
    {
        var time = smart.Time;
        var lastSlot = time.GetUtcNow().ToUnixTimeMilliseconds() / EchonetMeterObject.SlotMs;
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var slot = now / EchonetMeterObject.SlotMs;
            if (slot > lastSlot)
            {
                lastSlot = slot;
                Push(Notification(smart, 0xEA, 0xEB));
            }

            // Early or late, the next firing is the next grid point.
            lock (_lock)
            {
                if (!_disposed)
                {
                    timer!.Change(TimeSpan.FromMilliseconds(((slot + 1) * EchonetMeterObject.SlotMs) - now), Timeout.InfiniteTimeSpan);
                }
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        var start = time.GetUtcNow().ToUnixTimeMilliseconds();
        timer.Change(TimeSpan.FromMilliseconds(((lastSlot + 1) * EchonetMeterObject.SlotMs) - start), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The instance list notification: INF from the node profile to the node profile class (multicast), EPC 0xD5.</summary>
    public byte[] InstanceListNotification()
    {
        lock (_lock)
        {
            var buffer = new byte[EchonetFrame.MaxLength];
            _writer.Begin(buffer, 0, 0, EchonetClass.NodeProfileEoj, EchonetClass.NodeProfileEoj, EchonetEsv.Inf);
            var list = InstanceList();
            _writer.Add(0xD5, list, 0, list.Length);
            return buffer[.._writer.Finish()];
        }
    }
}
