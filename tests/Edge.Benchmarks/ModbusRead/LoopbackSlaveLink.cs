using Edge.Firmware.Hardware;

namespace Edge.Benchmarks.ModbusRead;

/// <summary>An in-memory line whose slave answers every request at once with the same prepared reply: measures the master alone.</summary>
internal sealed class LoopbackSlaveLink(byte[] reply) : ISerialLink
{
    private int _position = reply.Length;

    public void Configure(int baudRate, int dataBits, int parity, int stopBits)
    {
    }

    public void Write(byte[] buffer, int index, int count) => _position = 0;

    public int Read(byte[] buffer, int index, int count, int timeoutMs)
    {
        var n = Math.Min(count, reply.Length - _position);
        Array.Copy(reply, _position, buffer, index, n);
        _position += n;
        return n;
    }

    public void DiscardInput()
    {
    }
}
