using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace Edge.Firmware.Host.Serial;

/// <summary>
/// Read with a timeout, write everything, and raw mode, over a non-blocking tty descriptor: shared by
/// <see cref="PosixSerialPort"/> (a device or pty slave) and hw-sim's pseudo-terminal master.
/// </summary>
internal static unsafe class TtyIo
{
    // How long to wait between tries while the other side is absent (poll reports a hangup at once).
    private const int HangupBackoffMs = 10;

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMs"/> (negative:
    /// forever) for the first; 0 on timeout. With <paramref name="hangupMeansNothing"/> a hangup or EIO (a pty
    /// master whose slave nobody holds) counts as "nothing yet"; otherwise it is an <see cref="IOException"/>.
    /// </summary>
    public static int Read(FileDescriptorHandle handle, string device, byte[] buffer, int offset, int count, int timeoutMs, bool hangupMeansNothing)
    {
        CheckRange(buffer, offset, count);
        if (count == 0)
        {
            return 0;
        }

        var fd = handle.Acquire(device);
        try
        {
            var deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
            while (true)
            {
                nint n;
                fixed (byte* p = &buffer[offset])
                {
                    n = LibC.Read(fd, p, (nuint)count);
                }

                if (n > 0)
                {
                    return (int)n;
                }

                var errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
                var hangup = n == 0 || errno == LibC.EIo;
                if (n < 0 && errno != LibC.EAgain && errno != LibC.EIntr && errno != LibC.EIo)
                {
                    throw Error(device, "read from");
                }

                if (hangup && !hangupMeansNothing)
                {
                    throw new IOException($"{device}: the line was hung up (device removed or other side closed)");
                }

                var remaining = Remaining(deadline);
                if (remaining == 0)
                {
                    return 0;
                }

                if (hangup)
                {
                    Thread.Sleep(remaining < 0 ? HangupBackoffMs : Math.Min(remaining, HangupBackoffMs));
                    continue;
                }

                WaitFor(fd, device, LibC.PollIn, remaining);
            }
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    /// <summary>
    /// Writes all bytes, handling partial writes and EAGAIN by waiting for room; fails when the queue takes
    /// nothing for <paramref name="timeoutMs"/> (a stall, not a total: 64 KiB at 2400 baud takes minutes).
    /// </summary>
    public static void WriteAll(FileDescriptorHandle handle, string device, byte[] buffer, int offset, int count, int timeoutMs)
    {
        CheckRange(buffer, offset, count);
        var fd = handle.Acquire(device);
        try
        {
            var deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
            var written = 0;
            while (written < count)
            {
                nint n;
                fixed (byte* p = &buffer[offset + written])
                {
                    n = LibC.Write(fd, p, (nuint)(count - written));
                }

                if (n > 0)
                {
                    written += (int)n;
                    deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
                    continue;
                }

                var errno = n < 0 ? Marshal.GetLastPInvokeError() : LibC.EAgain;
                if (errno == LibC.EIntr)
                {
                    continue;
                }

                if (errno != LibC.EAgain)
                {
                    throw Error(device, "write to");
                }

                var remaining = Remaining(deadline);
                if (remaining == 0)
                {
                    throw new IOException($"{device}: write stalled for {timeoutMs} ms with {count - written} of {count} bytes unsent");
                }

                WaitFor(fd, device, LibC.PollOut, remaining);
            }
        }
        finally
        {
            handle.DangerousRelease();
        }
    }

    /// <summary>
    /// cfmakeraw, receiver on, modem lines ignored, VMIN = 1 and VTIME = 0. The descriptor is non-blocking
    /// and poll does the waiting; VMIN = 1 matters because with VMIN = 0 Linux's n_tty returns 0 for "no
    /// data", and 0 must keep meaning end of file (hangup), with "no data" reported as EAGAIN.
    /// </summary>
    public static void MakeRaw(int fd, string device)
    {
        Termios t;
        if (LibC.TcGetAttr(fd, &t) != 0)
        {
            throw Error(device, "read the settings of");
        }

        LibC.CfMakeRaw(&t);
        t.CFlag |= LibC.CRead | LibC.CLocal;
        t.ControlChars[LibC.VMin] = 1;
        t.ControlChars[LibC.VTime] = 0;
        if (LibC.TcSetAttr(fd, LibC.TcsaNow, &t) != 0)
        {
            throw Error(device, "set raw mode on");
        }
    }

    /// <summary>An IOException naming the device, the action and the errno text of the last call.</summary>
    public static IOException Error(string device, string action)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"cannot {action} {device}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    private static void CheckRange(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "offset and count do not fit the buffer");
        }
    }

    private static int Remaining(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            return -1;
        }

        var left = deadline - Environment.TickCount64;
        return left <= 0 ? 0 : (int)Math.Min(left, int.MaxValue);
    }

    private static void WaitFor(int fd, string device, short events, int timeoutMs)
    {
        var poll = new LibC.PollFd { Fd = fd, Events = events };
        if (LibC.Poll(&poll, 1, timeoutMs) < 0 && Marshal.GetLastPInvokeError() != LibC.EIntr)
        {
            throw Error(device, "poll");
        }

        if ((poll.Revents & LibC.PollNval) != 0)
        {
            throw new IOException($"{device}: the descriptor is no longer valid");
        }
    }
}
