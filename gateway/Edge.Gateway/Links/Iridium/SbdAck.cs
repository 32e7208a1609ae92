namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The MT message the cloud endpoint sends after the ingest answered a reassembled batch (SBD-FRAGMENTS.md): 10 bytes,
/// <c>0xA1</c> (Edge ack, version 1), status (u8, <see cref="SbdAckStatus"/>), batch sequence (u64 big-endian).
/// </summary>
/// <param name="Sequence">The batch sequence the ingest answered.</param>
/// <param name="Status">Stored or refused.</param>
public sealed record SbdAck(long Sequence, SbdAckStatus Status)
{
    /// <summary>First byte of every version-1 acknowledgement.</summary>
    public const byte Marker = 0xA1;

    /// <summary>Length of the message.</summary>
    public const int Bytes = 10;

    /// <summary>The MT message.</summary>
    public byte[] ToMessage()
    {
        var message = new byte[Bytes];
        message[0] = Marker;
        message[1] = (byte)Status;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(2), Sequence);
        return message;
    }

    /// <summary>Parses an MT message; false when it is not a version-1 acknowledgement.</summary>
    public static bool TryParse(ReadOnlySpan<byte> message, out SbdAck? ack)
    {
        ack = null;
        if (message.Length != Bytes || message[0] != Marker || message[1] > (byte)SbdAckStatus.Refused)
        {
            return false;
        }

        var sequence = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(message[2..]);
        if (sequence < 0)
        {
            return false;
        }

        ack = new SbdAck(sequence, (SbdAckStatus)message[1]);
        return true;
    }
}
