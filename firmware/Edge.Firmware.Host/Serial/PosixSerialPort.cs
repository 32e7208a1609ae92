using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Host.Serial;

/// <summary>
/// A serial port on Linux (glibc, x86_64 or aarch64) over a tty device: a USB adapter such as
/// <c>/dev/ttyUSB0</c>, a UART such as <c>/dev/ttyAMA0</c>, or a pseudo-terminal slave <c>/dev/pts/N</c>
/// as hw-sim provides. Raw mode (no echo, no line editing, no character translation), non-blocking
/// descriptor with poll for timeouts. Failures are <see cref="IOException"/>s naming the device and the
/// errno text. One reader thread and one writer thread may use it at once; <see cref="Dispose"/> is safe
/// while they do (the descriptor is closed after their calls return).
/// </summary>
public sealed unsafe class PosixSerialPort : ISerialLink, IDisposable
{
    // How long ReadAsync waits per poll before it looks at its cancellation token again.
    private const int AsyncSliceMs = 50;
    private const int EInval = 22;

    private readonly FileDescriptorHandle _handle;

    /// <summary>Opens <paramref name="devicePath"/> in raw mode, keeping its current line settings.</summary>
    /// <exception cref="IOException">The device cannot be opened or is not a terminal.</exception>
    public PosixSerialPort(string devicePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        DevicePath = devicePath;

        // O_NOCTTY: a serial port must never become our controlling terminal (a hangup would signal us).
        var fd = LibC.Open(devicePath, LibC.ORdWr | LibC.ONoCtty | LibC.ONonBlock | LibC.OCloExec);
        if (fd < 0)
        {
            throw TtyIo.Error(devicePath, "open");
        }

        _handle = new FileDescriptorHandle(fd);
        try
        {
            TtyIo.MakeRaw(fd, devicePath);
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="devicePath"/> in raw mode and sets the line as <see cref="Configure"/> does.</summary>
    public PosixSerialPort(string devicePath, int baudRate, int dataBits, int parity, int stopBits)
        : this(devicePath)
    {
        try
        {
            Configure(baudRate, dataBits, parity, stopBits);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The path this port was opened with.</summary>
    public string DevicePath { get; }

    /// <summary>Longest time <see cref="Write"/> waits without the driver taking a byte; default 5 s.</summary>
    public int WriteStallTimeoutMs { get; set; } = 5000;

    /// <summary>
    /// Sets speed and framing: <paramref name="baudRate"/> one of the standard rates 50..4000000,
    /// <paramref name="dataBits"/> 5..8, <paramref name="parity"/> 0 none, 1 odd, 2 even (checked on input),
    /// <paramref name="stopBits"/> 1 or 2. No hardware flow control. A pty accepts and ignores parity and
    /// data bits (Linux keeps it at CS8, no parity).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not supported.</exception>
    /// <exception cref="IOException">The driver refused the settings.</exception>
    public void Configure(int baudRate, int dataBits, int parity, int stopBits)
    {
        var speed = BaudRates.ToSpeed(baudRate);
        var size = dataBits switch
        {
            5 => LibC.CS5,
            6 => LibC.CS6,
            7 => LibC.CS7,
            8 => LibC.CS8,
            _ => throw new ArgumentOutOfRangeException(nameof(dataBits), dataBits, "data bits must be 5 to 8"),
        };
        if (parity is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(parity), parity, "parity must be 0 (none), 1 (odd) or 2 (even)");
        }

        if (stopBits is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(stopBits), stopBits, "stop bits must be 1 or 2");
        }

        var fd = _handle.Acquire(DevicePath);
        try
        {
            Termios t;
            if (LibC.TcGetAttr(fd, &t) != 0)
            {
                throw TtyIo.Error(DevicePath, "read the settings of");
            }

            t.CFlag &= ~(LibC.CSize | LibC.CStopB | LibC.ParEnb | LibC.ParOdd | LibC.CrtsCts);
            t.CFlag |= size | LibC.CRead | LibC.CLocal;
            t.CFlag |= stopBits == 2 ? LibC.CStopB : 0;
            t.CFlag |= parity == 0 ? 0 : LibC.ParEnb | (parity == 1 ? LibC.ParOdd : 0);

            // INPCK: with parity on, bytes with parity errors are not passed on as good data.
            t.IFlag = parity == 0 ? t.IFlag & ~LibC.InPck : t.IFlag | LibC.InPck;
            if (LibC.CfSetISpeed(&t, speed) != 0 || LibC.CfSetOSpeed(&t, speed) != 0)
            {
                throw TtyIo.Error(DevicePath, $"set {baudRate} baud on");
            }

            if (LibC.TcSetAttr(fd, LibC.TcsaNow, &t) != 0 && !AppliedExceptPtyFraming(fd, &t))
            {
                throw TtyIo.Error(DevicePath, "configure");
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The device failed, or the output stalled for <see cref="WriteStallTimeoutMs"/>.</exception>
    public void Write(byte[] buffer, int index, int count) =>
        TtyIo.WriteAll(_handle, DevicePath, buffer, index, count, WriteStallTimeoutMs);

    /// <inheritdoc />
    /// <exception cref="IOException">The device failed or was hung up (e.g. a USB adapter unplugged).</exception>
    public int Read(byte[] buffer, int index, int count, int timeoutMs) =>
        TtyIo.Read(_handle, DevicePath, buffer, index, count, timeoutMs, hangupMeansNothing: false);

    /// <summary>
    /// Waits until at least one byte arrives and returns how many were read, for a gateway's background
    /// service: polls in short slices on the thread pool and checks <paramref name="cancellationToken"/>
    /// between them.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var n = Read(buffer, index, count, AsyncSliceMs);
                    if (n > 0 || count == 0)
                    {
                        return n;
                    }
                }
            },
            cancellationToken);

    /// <inheritdoc />
    public void DiscardInput()
    {
        var fd = _handle.Acquire(DevicePath);
        try
        {
            if (LibC.TcFlush(fd, LibC.TciFlush) != 0)
            {
                throw TtyIo.Error(DevicePath, "discard input of");
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>
    /// glibc's tcsetattr reads the settings back and reports EINVAL when the driver silently changed the
    /// parity or character size. A Linux pty always does (pty_set_termios forces CS8 without parity) while
    /// applying everything else, so that case (speed and stop bits as asked, CS8, no parity) is success.
    /// </summary>
    private static bool AppliedExceptPtyFraming(int fd, Termios* wanted)
    {
        if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != EInval)
        {
            return false;
        }

        Termios actual;
        if (LibC.TcGetAttr(fd, &actual) != 0)
        {
            return false;
        }

        const uint Framing = LibC.CSize | LibC.ParEnb | LibC.ParOdd;
        return (actual.CFlag & Framing) == LibC.CS8
            && (actual.CFlag & LibC.CStopB) == (wanted->CFlag & LibC.CStopB)
            && LibC.CfGetOSpeed(&actual) == LibC.CfGetOSpeed(wanted);
    }

    /// <summary>Closes the device.</summary>
    public void Dispose() => _handle.Dispose();
}
