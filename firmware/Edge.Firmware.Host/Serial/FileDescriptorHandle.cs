using System;
using System.Runtime.InteropServices;

namespace Edge.Firmware.Host.Serial;

/// <summary>
/// Owns a file descriptor. A SafeHandle so that a Dispose racing a Read on another thread cannot close
/// the number while it is in use (and let a new open reuse it): calls take a reference with
/// <see cref="Acquire"/> and the close happens after the last release.
/// </summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        SetHandle(new IntPtr(fd));
    }

    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>Takes a reference and returns the descriptor; pair with <see cref="SafeHandle.DangerousRelease"/>.</summary>
    public int Acquire(string device)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(device, $"{device} is closed");
        }

        return (int)handle.ToInt64();
    }

    protected override bool ReleaseHandle() => LibC.Close((int)handle.ToInt64()) == 0;
}
