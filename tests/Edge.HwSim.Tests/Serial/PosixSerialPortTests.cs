using System.Diagnostics;
using Edge.Firmware.Host.Serial;
using Edge.HwSim.Serial;

namespace Edge.HwSim.Tests.Serial;

[Collection(SerialCollection.Name)]
public class PosixSerialPortTests
{
    [Fact]
    public void Write_SmallMessage_MasterReceivesSameBytes()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        // Bytes a cooked tty would translate or swallow: CR, LF, ^C, ^D, XON, XOFF, DEL, 0xFF.
        byte[] message = [0x0D, 0x0A, 0x03, 0x04, 0x11, 0x13, 0x7F, 0xFF, 0x00, 0x68];
        port.Write(message, 0, message.Length);

        Assert.Equal(message, ReadExactly(pty.Read, message.Length));
    }

    [Fact]
    public void Read_MasterWrites_PortReceivesSameBytes()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        byte[] message = [0x10, 0x5B, 0xFE, 0x59, 0x16, 0x0D, 0x0A, 0x03];
        pty.Write(message);

        var buffer = new byte[20];
        Assert.Equal(message, ReadExactly((b, o, c, t) => port.Read(b, o, c, t), message.Length));
        Assert.Equal(0, port.Read(buffer, 0, buffer.Length, 50));
    }

    [Fact]
    public async Task Transfer_64KiBEachWayInChunks_ArrivesIntactAndInOrder()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath, 115200, 8, 0, 1);
        var down = new byte[64 * 1024];
        var up = new byte[64 * 1024];
        new Random(64).NextBytes(down);
        new Random(46).NextBytes(up);

        // Both directions at once, so neither side's queue fills with nobody reading.
        var toPort = Task.Run(() => WriteInChunks((b, o, c) => pty.Write(b, o, c), down, 1000));
        var toMaster = Task.Run(() => WriteInChunks(port.Write, up, 777));
        var atPort = Task.Run(() => ReadExactly((b, o, c, t) => port.Read(b, o, c, t), down.Length));
        var atMaster = Task.Run(() => ReadExactly(pty.Read, up.Length));
        await Task.WhenAll(toPort, toMaster, atPort, atMaster).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(down, await atPort);
        Assert.Equal(up, await atMaster);
    }

    [Fact]
    public void Read_NothingArrives_ReturnsZeroWithinTimeoutMargin()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        var stopwatch = Stopwatch.StartNew();
        var n = port.Read(new byte[16], 0, 16, 200);
        stopwatch.Stop();

        Assert.Equal(0, n);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 190, 400);
    }

    [Fact]
    public void DiscardInput_PendingBytes_AreDropped()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        pty.Write([1, 2, 3, 4, 5]);

        // The master's write reaches the slave's input queue through a kernel work item; give it a moment.
        Thread.Sleep(100);

        port.DiscardInput();
        pty.Write([9]);

        var buffer = new byte[8];
        Assert.Equal(1, port.Read(buffer, 0, buffer.Length, 1000));
        Assert.Equal(9, buffer[0]);
    }

    [Fact]
    public void Configure_MBus2400Even8Data1Stop_Succeeds()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        port.Configure(2400, 8, 2, 1);
        port.Configure(9600, 7, 1, 2);
        port.Configure(115200, 8, 0, 1);
        port.Write([0x10, 0x40, 0xFE, 0x3E, 0x16], 0, 5);
        Assert.Equal([0x10, 0x40, 0xFE, 0x3E, 0x16], ReadExactly(pty.Read, 5));
    }

    [Theory]
    [InlineData(2401, 8, 0, 1)]
    [InlineData(2400, 9, 0, 1)]
    [InlineData(2400, 8, 3, 1)]
    [InlineData(2400, 8, 0, 3)]
    public void Configure_UnsupportedValue_ThrowsOutOfRange(int baud, int dataBits, int parity, int stopBits)
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        Assert.Throws<ArgumentOutOfRangeException>(() => port.Configure(baud, dataBits, parity, stopBits));
    }

    [Fact]
    public void Constructor_MissingDevice_IOExceptionNamesDeviceAndErrno()
    {
        var error = Assert.Throws<IOException>(() => new PosixSerialPort("/dev/ttyEdgeMissing9"));
        Assert.Contains("/dev/ttyEdgeMissing9", error.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RegularFile_IOExceptionAndNoDescriptorLeft()
    {
        var path = Path.GetTempFileName();
        try
        {
            var before = SerialCollection.OpenDescriptors();
            var error = Assert.Throws<IOException>(() => new PosixSerialPort(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Equal(before, SerialCollection.OpenDescriptors());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Constructor_ReopenAfterDispose_ExchangesBytesAgain()
    {
        using var pty = new PseudoTerminal();
        for (var round = 0; round < 3; round++)
        {
            using var port = new PosixSerialPort(pty.SlavePath, 2400, 8, 2, 1);
            port.Write([(byte)round], 0, 1);
            Assert.Equal([(byte)round], ReadExactly(pty.Read, 1));
            pty.Write([(byte)(round + 100)]);
            Assert.Equal([(byte)(round + 100)], ReadExactly((b, o, c, t) => port.Read(b, o, c, t), 1));
        }
    }

    [Fact]
    public void Dispose_ManyOpenAndClose_LeavesNoDescriptors()
    {
        // Warm up: the first use loads libc and may open descriptors the runtime keeps.
        using (var warm = new PseudoTerminal())
        using (new PosixSerialPort(warm.SlavePath))
        {
        }

        var before = SerialCollection.OpenDescriptors();
        for (var i = 0; i < 50; i++)
        {
            using var pty = new PseudoTerminal();
            using var port = new PosixSerialPort(pty.SlavePath, 9600, 8, 0, 1);
            port.Write([1], 0, 1);
            pty.Read(new byte[1], 0, 1, 1000);
        }

        Assert.Equal(before, SerialCollection.OpenDescriptors());
    }

    [Fact]
    public void Read_AfterPseudoTerminalClosed_ThrowsIOExceptionNamingDevice()
    {
        var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        var path = pty.SlavePath;
        pty.Dispose();

        var error = Assert.Throws<IOException>(() => port.Read(new byte[4], 0, 4, 500));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AfterDispose_ThrowsObjectDisposed()
    {
        using var pty = new PseudoTerminal();
        var port = new PosixSerialPort(pty.SlavePath);
        port.Dispose();
        Assert.Throws<ObjectDisposedException>(() => port.Read(new byte[4], 0, 4, 10));
    }

    [Fact]
    public async Task ReadAsync_BytesArriveLater_ReturnsThem()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        var buffer = new byte[8];
        var read = port.ReadAsync(buffer, 0, buffer.Length, CancellationToken.None);
        await Task.Delay(120);
        Assert.False(read.IsCompleted);
        pty.Write([0xE5]);

        Assert.Equal(1, await read.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0xE5, buffer[0]);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var pty = new PseudoTerminal();
        using var port = new PosixSerialPort(pty.SlavePath);
        using var cancellation = new CancellationTokenSource(150);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => port.ReadAsync(new byte[8], 0, 8, cancellation.Token).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Termios_Layout_Is60BytesAsGlibcOnX64AndArm64()
    {
        Assert.Equal(60, System.Runtime.InteropServices.Marshal.SizeOf<Termios>());
        Assert.Equal(52, (int)System.Runtime.InteropServices.Marshal.OffsetOf<Termios>(nameof(Termios.ISpeed)));
    }

    [Theory]
    // glibc bits/termios.h and termios-baud.h, octal: B2400 0000013, B9600 0000015, B38400 0000017, B57600 0010001, B115200 0010002, B921600 0010007.
    [InlineData(2400, 11u)]
    [InlineData(9600, 13u)]
    [InlineData(38400, 15u)]
    [InlineData(57600, 0x1001u)]
    [InlineData(115200, 0x1002u)]
    [InlineData(921600, 0x1007u)]
    public void BaudRates_StandardRate_MapsToGlibcSpeedCode(int rate, uint code)
    {
        Assert.Equal(code, BaudRates.ToSpeed(rate));
    }

    private static void WriteInChunks(Action<byte[], int, int> write, byte[] data, int chunk)
    {
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            write(data, offset, Math.Min(chunk, data.Length - offset));
        }
    }

    private static byte[] ReadExactly(Func<byte[], int, int, int, int> read, int count)
    {
        var result = new byte[count];
        var got = 0;
        var deadline = Environment.TickCount64 + 20_000;
        while (got < count && Environment.TickCount64 < deadline)
        {
            got += read(result, got, count - got, 500);
        }

        Assert.Equal(count, got);
        return result;
    }
}
