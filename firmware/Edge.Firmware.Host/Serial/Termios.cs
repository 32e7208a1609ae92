using System.Runtime.InteropServices;

namespace Edge.Firmware.Host.Serial;

/// <summary>
/// glibc's <c>struct termios</c> on Linux x86_64 and aarch64 (bits/termios-struct.h, NCCS = 32): four
/// flag words, c_line, c_cc[32], then the two speeds after 3 bytes of padding; 60 bytes in all. Other
/// architectures (alpha, mips, powerpc, sparc) differ and are not targets.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios
{
    public const int ControlCharCount = 32;

    public uint IFlag;
    public uint OFlag;
    public uint CFlag;
    public uint LFlag;
    public byte Line;
    public fixed byte ControlChars[ControlCharCount];
    public uint ISpeed;
    public uint OSpeed;
}
