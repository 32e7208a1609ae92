using System.Diagnostics;
using Edge.Firmware.Hardware;

namespace Edge.HwSim.Fleet;

/// <summary>An uplink that reports its connects and publishes to an <see cref="UplinkProbe"/>.</summary>
internal sealed class ProbedUplink(IUplink inner, UplinkProbe probe) : IUplink, IDisposable
{
    public bool IsConnected => inner.IsConnected;

    public bool Connect()
    {
        var started = Stopwatch.GetTimestamp();
        var ok = inner.Connect();
        probe.Connected(started, ok);
        return ok;
    }

    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        var started = probe.BeginPublish();
        var ok = false;
        try
        {
            ok = inner.Publish(topic, payload, count, timeoutMs);
            return ok;
        }
        finally
        {
            probe.EndPublish(started, ok);
        }
    }

    public void Subscribe(string topic) => inner.Subscribe(topic);

    public int TakeMessage(string topic, byte[] buffer) => inner.TakeMessage(topic, buffer);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
