namespace Edge.Firmware.MBus;

/// <summary>
/// The EN 13757-2 §5 wired frame codec: parses single character, short, control and long frames with their
/// length and checksum checks, and writes short and long frames. Reusable: one instance per link.
/// </summary>
public sealed class MBusWiredFrame
{
    /// <summary>Start of short frames.</summary>
    public const int ShortStart = 0x10;

    /// <summary>Start of control and long frames.</summary>
    public const int LongStart = 0x68;

    /// <summary>Stop byte.</summary>
    public const int Stop = 0x16;

    /// <summary>Single character acknowledge.</summary>
    public const int Ack = 0xE5;

    /// <summary>See <see cref="MBusFrameKind"/>.</summary>
    public int Kind { get; private set; }

    /// <summary>C field.</summary>
    public int C { get; private set; }

    /// <summary>A field (primary address).</summary>
    public int A { get; private set; }

    /// <summary>CI field (control and long frames), -1 otherwise.</summary>
    public int Ci { get; private set; }

    /// <summary>Offset of the data after the CI field.</summary>
    public int DataOffset { get; private set; }

    /// <summary>Bytes of data after the CI field.</summary>
    public int DataLength { get; private set; }

    /// <summary>Total bytes of the frame.</summary>
    public int FrameLength { get; private set; }

    /// <summary>Null after a successful parse, else the reason.</summary>
    public string? Error { get; private set; }

    /// <summary>Parses the frame at <paramref name="offset"/>; false with <see cref="Error"/> set when it is not valid.</summary>
    public bool TryParse(byte[] b, int offset, int length)
    {
        Kind = MBusFrameKind.Invalid;
        C = 0;
        A = 0;
        Ci = -1;
        DataOffset = 0;
        DataLength = 0;
        FrameLength = 0;
        Error = null;
        if (length < 1)
        {
            return Fail("empty frame");
        }

        var start = b[offset];
        if (start == Ack)
        {
            if (length != 1)
            {
                return Fail("single character 0xE5 followed by " + (length - 1).ToString() + " extra bytes");
            }

            Kind = MBusFrameKind.SingleCharacter;
            FrameLength = 1;
            return true;
        }

        if (start == ShortStart)
        {
            if (length != 5)
            {
                return Fail("short frame must be 5 bytes, got " + length.ToString());
            }

            return Finish(b, offset, offset + 1, 2, offset + 3, MBusFrameKind.Short, 5);
        }

        if (start != LongStart)
        {
            return Fail("unknown start byte " + MBusHex.Byte(start));
        }

        if (length < 9)
        {
            return Fail("long frame truncated: " + length.ToString() + " bytes, at least 9 needed");
        }

        var l = b[offset + 1];
        if (b[offset + 2] != l)
        {
            return Fail("long frame length bytes differ: " + MBusHex.Byte(l) + " and " + MBusHex.Byte(b[offset + 2]));
        }

        if (b[offset + 3] != LongStart)
        {
            return Fail("long frame second start byte is " + MBusHex.Byte(b[offset + 3]) + ", expected 0x68");
        }

        if (l < 3)
        {
            return Fail("long frame L field " + MBusHex.Byte(l) + " is below 3 (C, A and CI)");
        }

        if (length != l + 6)
        {
            return Fail("long frame length mismatch: L = " + l.ToString() + " needs " + (l + 6).ToString() + " bytes, got " + length.ToString());
        }

        if (!Finish(b, offset, offset + 4, l, offset + 4 + l, l == 3 ? MBusFrameKind.Control : MBusFrameKind.Long, l + 6))
        {
            return false;
        }

        Ci = b[offset + 6];
        DataOffset = offset + 7;
        DataLength = l - 3;
        return true;
    }

    /// <summary>Writes a short frame (e.g. SND_NKE C=0x40, REQ_UD2 C=0x5B/0x7B); returns 5.</summary>
    public static int WriteShort(byte[] b, int offset, int c, int a)
    {
        b[offset] = ShortStart;
        b[offset + 1] = (byte)c;
        b[offset + 2] = (byte)a;
        b[offset + 3] = (byte)(c + a);
        b[offset + 4] = Stop;
        return 5;
    }

    /// <summary>Writes a long frame with <paramref name="dataLength"/> bytes after the CI field; returns its length.</summary>
    public static int WriteLong(byte[] b, int offset, int c, int a, int ci, byte[] data, int dataOffset, int dataLength)
    {
        var l = dataLength + 3;
        b[offset] = LongStart;
        b[offset + 1] = (byte)l;
        b[offset + 2] = (byte)l;
        b[offset + 3] = LongStart;
        b[offset + 4] = (byte)c;
        b[offset + 5] = (byte)a;
        b[offset + 6] = (byte)ci;
        System.Array.Copy(data, dataOffset, b, offset + 7, dataLength);
        b[offset + 4 + l] = (byte)Checksum(b, offset + 4, l);
        b[offset + 5 + l] = Stop;
        return l + 6;
    }

    /// <summary>Arithmetic sum modulo 256 (EN 13757-2 §5.4, FT 1.2).</summary>
    public static int Checksum(byte[] b, int offset, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += b[offset + i];
        }

        return sum & 0xFF;
    }

    private bool Finish(byte[] b, int offset, int sumFrom, int sumCount, int csAt, int kind, int frameLength)
    {
        var expected = Checksum(b, sumFrom, sumCount);
        var name = kind == MBusFrameKind.Short ? "short" : "long";
        if (b[csAt] != expected)
        {
            return Fail(name + " frame checksum mismatch: expected " + MBusHex.Byte(expected) + ", got " + MBusHex.Byte(b[csAt]));
        }

        if (b[csAt + 1] != Stop)
        {
            return Fail(name + " frame stop byte is " + MBusHex.Byte(b[csAt + 1]) + ", expected 0x16");
        }

        Kind = kind;
        C = b[offset + (kind == MBusFrameKind.Short ? 1 : 4)];
        A = b[offset + (kind == MBusFrameKind.Short ? 2 : 5)];
        FrameLength = frameLength;
        return true;
    }

    private bool Fail(string error)
    {
        Error = error;
        return false;
    }
}
