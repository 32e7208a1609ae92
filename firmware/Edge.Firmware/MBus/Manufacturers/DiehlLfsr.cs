namespace Edge.Firmware.MBus.Manufacturers;

/// <summary>
/// The 32-bit LFSR that Diehl PRIOS and "real data" frames are scrambled with (see <see cref="DiehlFrames"/>):
/// the start value is a folded key XOR three big-endian header words; every byte takes eight steps whose new
/// bit is bit 1 XOR 2 XOR 11 XOR 31, and is XORed with the low byte of the state.
/// </summary>
internal static class DiehlLfsr
{
    // PRIOS default keys 39BC8A10E66D83F8 and 51728910E66D83F8, each folded to 32 bits (high half XOR low half).
    private const uint DefaultLfsrKey1 = 0x39BC8A10u ^ 0xE66D83F8u;
    private const uint DefaultLfsrKey2 = 0x51728910u ^ 0xE66D83F8u;

    /// <summary>Finds the folded key that validates: the meter's own when it has one, else one of the default keys.</summary>
    public static bool FindKey(byte[] b, int start, int end, byte[]? key, bool prios, int check, out uint found)
    {
        if (key != null)
        {
            found = ManufacturerRecords.U32Be(key, 0) ^ ManufacturerRecords.U32Be(key, 4);
            return Validates(b, start, end, Seed(b, found), prios, check);
        }

        found = DefaultLfsrKey1;
        if (Validates(b, start, end, Seed(b, found), prios, check))
        {
            return true;
        }

        found = DefaultLfsrKey2;
        return Validates(b, start, end, Seed(b, found), prios, check);
    }

    /// <summary>The LFSR start value: the folded key XOR the header words at bytes 2, 6 and 10 (big-endian).</summary>
    public static uint Seed(byte[] b, uint key) =>
        key ^ ManufacturerRecords.U32Be(b, 2) ^ ManufacturerRecords.U32Be(b, 6) ^ ManufacturerRecords.U32Be(b, 10);

    /// <summary>Eight LFSR steps: the new bit is bit 1 XOR bit 2 XOR bit 11 XOR bit 31, shifted in at the bottom.</summary>
    private static uint Next(uint state)
    {
        for (var k = 0; k < 8; k++)
        {
            var bit = ((state >> 1) ^ (state >> 2) ^ (state >> 11) ^ (state >> 31)) & 1u;
            state = (state << 1) | bit;
        }

        return state;
    }

    /// <summary>PRIOS: the first plain byte is 0x4B; real data: the byte sum AND 0xEF equals <paramref name="check"/>.</summary>
    public static bool Validates(byte[] b, int start, int end, uint state, bool prios, int check)
    {
        if (prios)
        {
            return start < end && (b[start] ^ (Next(state) & 0xFF)) == 0x4B;
        }

        var sum = 0;
        for (var k = start; k < end; k++)
        {
            state = Next(state);
            sum += (b[k] ^ (int)(state & 0xFF)) & 0xFF;
        }

        return (sum & 0xEF) == check;
    }

    public static void Unscramble(byte[] b, int start, int end, uint state)
    {
        for (var k = start; k < end; k++)
        {
            state = Next(state);
            b[k] = (byte)(b[k] ^ (state & 0xFF));
        }
    }
}
