using System;
namespace Edge.Firmware.Host.Serial;

/// <summary>Standard baud rates and their termios speed codes (Linux asm-generic/termbits.h: B50..B4000000).</summary>
internal static class BaudRates
{
    private static readonly int[] _rates =
    [
        50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400,
        57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
    ];

    /// <summary>The speed code for <paramref name="baudRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a standard rate (custom rates need termios2, not supported).</exception>
    public static uint ToSpeed(int baudRate)
    {
        var index = Array.IndexOf(_rates, baudRate);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "not a standard baud rate (50 to 4000000)");
        }

        // B50..B38400 are 1..15; B57600 and up are CBAUDEX (0x1000) | 1..15.
        return index < 15 ? (uint)(index + 1) : 0x1000u | (uint)(index - 14);
    }
}
