using System.Runtime.InteropServices;
using Edge.Firmware.Host.Serial;

namespace Edge.HwSim.Serial;

/// <summary>
/// A pseudo-terminal pair standing in for a serial cable: the code under test opens <see cref="SlavePath"/>
/// (with <see cref="PosixSerialPort"/>, exactly as it would open /dev/ttyUSB0) and the virtual device
/// talks through the master with <see cref="Read"/> and <see cref="Write(byte[], int, int)"/>. Raw mode both ways. The pair
/// holds a slave descriptor of its own, so it survives the driver closing and reopening the port (without
/// it, the master reads EIO once the last slave descriptor closes); bytes sent while the driver is away
/// wait in the slave's input queue, as they would in a USB adapter's buffer.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private const string Master = "pty master";
    private readonly FileDescriptorHandle _master;
    private readonly FileDescriptorHandle _heldSlave;

    /// <summary>Opens a new pair.</summary>
    /// <exception cref="IOException">The system has no free pseudo-terminal or refused one.</exception>
    public PseudoTerminal()
    {
        // glibc's posix_openpt opens /dev/ptmx with these flags, so O_CLOEXEC applies atomically.
        var fd = LibC.PosixOpenPt(LibC.ORdWr | LibC.ONoCtty | LibC.OCloExec);
        if (fd < 0)
        {
            throw TtyIo.Error("/dev/ptmx", "open");
        }

        _master = new FileDescriptorHandle(fd);
        try
        {
            var flags = LibC.Fcntl(fd, LibC.FGetFl, 0);
            if (flags < 0 || LibC.Fcntl(fd, LibC.FSetFl, flags | LibC.ONonBlock) < 0)
            {
                throw TtyIo.Error(Master, "make non-blocking the");
            }

            if (LibC.GrantPt(fd) != 0 || LibC.UnlockPt(fd) != 0)
            {
                throw TtyIo.Error(Master, "unlock the slave of");
            }

            SlavePath = SlaveName(fd);
            var slave = LibC.Open(SlavePath, LibC.ORdWr | LibC.ONoCtty | LibC.ONonBlock | LibC.OCloExec);
            if (slave < 0)
            {
                throw TtyIo.Error(SlavePath, "open");
            }

            _heldSlave = new FileDescriptorHandle(slave);

            // Termios calls on either side act on the slave's settings: raw, so no echo or CR/LF mapping.
            TtyIo.MakeRaw(slave, SlavePath);
        }
        catch
        {
            _heldSlave?.Dispose();
            _master.Dispose();
            throw;
        }
    }

    /// <summary>The device path the code under test opens, e.g. <c>/dev/pts/3</c>.</summary>
    public string SlavePath { get; }

    /// <summary>
    /// Reads what the code under test wrote: up to <paramref name="count"/> bytes, waiting at most
    /// <paramref name="timeoutMs"/> (negative: forever); 0 on timeout.
    /// </summary>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs) =>
        TtyIo.Read(_master, Master, buffer, offset, count, timeoutMs, hangupMeansNothing: true);

    /// <summary>Sends bytes to the code under test, waiting while its input queue is full (up to 5 s without progress).</summary>
    public void Write(byte[] buffer, int offset, int count) =>
        TtyIo.WriteAll(_master, Master, buffer, offset, count, 5000);

    /// <summary>Sends all of <paramref name="bytes"/>.</summary>
    public void Write(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(bytes, 0, bytes.Length);
    }

    /// <summary>Closes both ends; the driver's open slave then reads a hangup.</summary>
    public void Dispose()
    {
        _heldSlave.Dispose();
        _master.Dispose();
    }

    private static string SlaveName(int fd)
    {
        var name = stackalloc byte[128];
        var error = LibC.PtsNameR(fd, name, 128);
        if (error != 0)
        {
            Marshal.SetLastPInvokeError(error);
            throw TtyIo.Error(Master, "name the slave of");
        }

        return Marshal.PtrToStringUTF8((IntPtr)name) ?? throw new IOException("ptsname_r returned no name");
    }
}
