namespace Edge.Firmware.Modbus;

/// <summary>
/// Order of the bytes of a 32-bit value A B C D (A most significant) across two registers. Modbus itself only fixes
/// the byte order inside one register (big-endian, Application Protocol §4.2); the order of the two registers is the
/// device's choice, and meters differ: letters name the bytes in the order they arrive.
/// </summary>
public static class ModbusWordOrder
{
    /// <summary>ABCD: high word first, each big-endian (the most common, and the one Modbus's own convention implies).</summary>
    public const int BigEndian = 0;

    /// <summary>CDAB: low word first, each big-endian ("word swap"; common in flow converters and PLCs).</summary>
    public const int WordSwap = 1;

    /// <summary>BADC: high word first, bytes inside each register swapped ("byte swap"); for 16-bit types BA.</summary>
    public const int ByteSwap = 2;

    /// <summary>DCBA: fully little-endian (word and byte swap).</summary>
    public const int LittleEndian = 3;

    /// <summary>True when the bytes inside each register are swapped (also applies to 16-bit types).</summary>
    public static bool SwapsBytes(int order) => order == ByteSwap || order == LittleEndian;

    /// <summary>True when the low word comes first.</summary>
    public static bool SwapsWords(int order) => order == WordSwap || order == LittleEndian;

    /// <summary>Parses <c>ABCD</c>, <c>CDAB</c>, <c>BADC</c>, <c>DCBA</c> (or <c>big</c>, <c>word-swap</c>, <c>byte-swap</c>, <c>little</c>); -1 otherwise.</summary>
    public static int Parse(string name)
    {
        switch (name)
        {
            case "ABCD":
            case "big":
                return BigEndian;
            case "CDAB":
            case "word-swap":
                return WordSwap;
            case "BADC":
            case "byte-swap":
                return ByteSwap;
            case "DCBA":
            case "little":
                return LittleEndian;
            default:
                return -1;
        }
    }
}
