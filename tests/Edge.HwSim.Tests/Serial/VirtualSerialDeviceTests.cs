using Edge.Firmware.Host.Serial;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Tests.Serial;

[Collection(SerialCollection.Name)]
public class VirtualSerialDeviceTests
{
    /// <summary>Answers every byte b with b + 1, like a device acknowledging each command.</summary>
    private sealed class IncrementingDevice : VirtualSerialDevice
    {
        private readonly byte[] _reply = new byte[4096];

        protected override void OnBytes(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                _reply[i] = (byte)(buffer[offset + i] + 1);
            }

            Send(_reply, 0, count);
        }
    }

    private sealed class FailingDevice : VirtualSerialDevice
    {
        protected override void OnBytes(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("model failed");
    }

    [Fact]
    public void OnBytes_DriverWrites_DeviceAnswersThroughSend()
    {
        using var device = new IncrementingDevice();
        device.Start();
        using var port = new PosixSerialPort(device.PortPath, 2400, 8, 2, 1);
        port.Write([0x10, 0x5B, 0xFE], 0, 3);

        var answer = new byte[3];
        var got = 0;
        for (var i = 0; i < 20 && got < 3; i++)
        {
            got += port.Read(answer, got, 3 - got, 200);
        }

        Assert.Equal([0x11, 0x5C, 0xFF], answer);
        Assert.Null(device.Fault);
    }

    [Fact]
    public void Fault_OnBytesThrows_IsRecordedAndLoopStops()
    {
        using var device = new FailingDevice();
        device.Start();
        using var port = new PosixSerialPort(device.PortPath);
        port.Write([1], 0, 1);
        for (var i = 0; i < 100 && device.Fault is null; i++)
        {
            Thread.Sleep(20);
        }

        Assert.IsType<InvalidOperationException>(device.Fault);
    }

    [Fact]
    public void Dispose_RunningDevice_ReturnsPromptly()
    {
        var device = new IncrementingDevice();
        device.Start();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        device.Dispose();
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, 1000);
    }
}
