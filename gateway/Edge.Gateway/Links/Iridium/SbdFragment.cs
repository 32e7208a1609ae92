namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// One MO message carrying a piece of a batch (SBD-FRAGMENTS.md): a 6-byte header — <c>0xE1</c> (Edge fragment,
/// version 1), transfer id (u16 big-endian), fragment index and count (12 bits each, big-endian) — then the piece.
/// </summary>
/// <param name="TransferId">Identifies the transfer at the receiving side, with the modem it came from: the low 16 bits of the batch sequence.</param>
/// <param name="Index">0..Count-1.</param>
/// <param name="Count">Fragments in the transfer, 1..4095.</param>
/// <param name="Payload">This fragment's bytes of the batch.</param>
public sealed record SbdFragment(ushort TransferId, int Index, int Count, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Header length in bytes.</summary>
    public const int HeaderBytes = 6;

    /// <summary>First byte of every version-1 fragment.</summary>
    public const byte Marker = 0xE1;

    /// <summary>Most fragments a transfer may have (12 bits).</summary>
    public const int MaxCount = 4095;

    /// <summary>Header and payload as one message.</summary>
    public byte[] ToMessage()
    {
        var message = new byte[HeaderBytes + Payload.Length];
        message[0] = Marker;
        message[1] = (byte)(TransferId >> 8);
        message[2] = (byte)TransferId;
        message[3] = (byte)(Index >> 4);
        message[4] = (byte)(((Index & 0x0F) << 4) | (Count >> 8));
        message[5] = (byte)Count;
        Payload.Span.CopyTo(message.AsSpan(HeaderBytes));
        return message;
    }

    /// <summary>Parses a message; false when it is not a version-1 fragment or its index/count are impossible.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> message, out SbdFragment? fragment)
    {
        fragment = null;
        var span = message.Span;
        if (span.Length < HeaderBytes || span[0] != Marker)
        {
            return false;
        }

        var transferId = (ushort)((span[1] << 8) | span[2]);
        var index = (span[3] << 4) | (span[4] >> 4);
        var count = ((span[4] & 0x0F) << 8) | span[5];
        if (count == 0 || index >= count)
        {
            return false;
        }

        fragment = new SbdFragment(transferId, index, count, message[HeaderBytes..]);
        return true;
    }
}
