using Edge.Firmware.Buffering;

namespace Edge.Field.Decoding;

/// <summary>Names of the status flag bits (firmware/FRAME.md, label <c>fl</c>).</summary>
public static class FrameFlags
{
    private static readonly (int Bit, string Name)[] _known =
    [
        (ReadingFlags.Reverse, "reverse"),
        (ReadingFlags.Tamper, "tamper"),
        (ReadingFlags.LostBefore, "lost-before"),
        (ReadingFlags.Reboot, "reboot"),
        (ReadingFlags.LowBattery, "low-battery"),
    ];

    /// <summary>
    /// The names of the bits set in <paramref name="flags"/>, lowest bit first; a bit FRAME.md does not
    /// define is named <c>bit{n}</c> so that nothing is hidden from the technician.
    /// </summary>
    public static IReadOnlyList<string> Names(int flags)
    {
        var names = new List<string>();
        for (var bit = 0; bit < 32; bit++)
        {
            var mask = 1 << bit;
            if ((flags & mask) == 0)
            {
                continue;
            }

            var name = $"bit{bit}";
            foreach (var (knownBit, knownName) in _known)
            {
                if (knownBit == mask)
                {
                    name = knownName;
                }
            }

            names.Add(name);
        }

        return names;
    }
}
