using Edge.Firmware.Hardware;
using Edge.HwSim.Iridium;

namespace Edge.HwSim.Serial;

/// <summary>
/// Lets firmware code that waits in <see cref="ISerialLink.Read"/> timeouts run in a <see cref="ScaledTimeProvider"/>'s
/// simulated time: a timeout of n simulated ms becomes n / factor real ms (at least 1), so a 60 s PANA timeout at
/// factor 100 waits 0.6 s. Everything else passes through.
/// </summary>
public sealed class ScaledSerialLink(ISerialLink inner, ScaledTimeProvider time) : ISerialLink
{
    /// <inheritdoc />
    public void Configure(int baudRate, int dataBits, int parity, int stopBits) => inner.Configure(baudRate, dataBits, parity, stopBits);

    /// <inheritdoc />
    public void Write(byte[] buffer, int index, int count) => inner.Write(buffer, index, count);

    /// <inheritdoc />
    public int Read(byte[] buffer, int index, int count, int timeoutMs)
    {
        var real = timeoutMs <= 0 ? 0 : (int)Math.Max(1, Math.Ceiling(time.ToReal(TimeSpan.FromMilliseconds(timeoutMs)).TotalMilliseconds));
        return inner.Read(buffer, index, count, real);
    }

    /// <inheritdoc />
    public void DiscardInput() => inner.DiscardInput();
}
