namespace Edge.Gateway.Links.Iridium;

/// <summary>Cuts an encoded batch into MO messages of at most a given size (SBD-FRAGMENTS.md).</summary>
public static class SbdFragmenter
{
    /// <summary>The transfer id of a batch: the low 16 bits of its sequence, so a resent batch reuses its id and the receiver can merge the copies.</summary>
    public static ushort TransferId(long batchSequence) => (ushort)(batchSequence & 0xFFFF);

    /// <summary>
    /// Splits <paramref name="body"/> into messages of at most <paramref name="maxMessageBytes"/>, each with the
    /// fragment header; every message but the last is full.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The message size leaves no room, or the batch needs more than 4095 fragments.</exception>
    public static IReadOnlyList<byte[]> Split(ushort transferId, ReadOnlyMemory<byte> body, int maxMessageBytes)
    {
        var room = maxMessageBytes - SbdFragment.HeaderBytes;
        ArgumentOutOfRangeException.ThrowIfLessThan(room, 1, nameof(maxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfZero(body.Length, nameof(body));
        var count = (body.Length + room - 1) / room;
        if (count > SbdFragment.MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body.Length, $"a batch of {body.Length} bytes needs {count} fragments of {maxMessageBytes} bytes; at most {SbdFragment.MaxCount} are possible");
        }

        var messages = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var start = i * room;
            var piece = body.Slice(start, Math.Min(room, body.Length - start));
            messages[i] = new SbdFragment(transferId, i, count, piece).ToMessage();
        }

        return messages;
    }
}
