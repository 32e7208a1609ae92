namespace Edge.Firmware.Echonet;

/// <summary>
/// Writes specified-format ECHONET Lite frames (Part 2 §3.2) into a caller's buffer, allocation free:
/// <see cref="Begin"/>, then <see cref="Add(int)"/> / <see cref="Add(int, byte[], int, int)"/> per property,
/// <see cref="BeginGetSection"/> between the OPCSet and OPCGet properties of a SetGet, then <see cref="Finish"/>.
/// Returns -1 (and writes nothing more) when the buffer is too small or a section exceeds 255 properties.
/// </summary>
public sealed class EchonetFrameWriter
{
    private byte[] _buffer = new byte[0];
    private int _start;
    private int _position;
    private int _opcAt;
    private int _count;
    private bool _failed;

    /// <summary>Starts a frame at <paramref name="offset"/>: EHD 10 81, TID, SEOJ, DEOJ, ESV, OPC placeholder.</summary>
    public void Begin(byte[] buffer, int offset, int tid, int seoj, int deoj, int esv)
    {
        _buffer = buffer;
        _start = offset;
        _position = offset;
        _failed = offset + 12 > buffer.Length;
        if (_failed)
        {
            return;
        }

        buffer[offset] = EchonetFrame.Ehd1EchonetLite;
        buffer[offset + 1] = EchonetFrame.Ehd2Specified;
        buffer[offset + 2] = (byte)(tid >> 8);
        buffer[offset + 3] = (byte)tid;
        WriteEoj(buffer, offset + 4, seoj);
        WriteEoj(buffer, offset + 7, deoj);
        buffer[offset + 10] = (byte)esv;
        _opcAt = offset + 11;
        buffer[_opcAt] = 0;
        _count = 0;
        _position = offset + 12;
    }

    /// <summary>Adds a property with PDC 0 (Get, INF_REQ, or the OPCGet section of SetGet).</summary>
    public void Add(int epc) => Add(epc, _buffer, 0, 0);

    /// <summary>Adds a property with <paramref name="length"/> EDT bytes from <paramref name="edt"/>.</summary>
    public void Add(int epc, byte[] edt, int offset, int length)
    {
        if (_failed || length > 255 || _count == 255 || _position + 2 + length > _buffer.Length)
        {
            _failed = true;
            return;
        }

        _buffer[_position] = (byte)epc;
        _buffer[_position + 1] = (byte)length;
        System.Array.Copy(edt, offset, _buffer, _position + 2, length);
        _position += 2 + length;
        _count++;
        _buffer[_opcAt] = (byte)_count;
    }

    /// <summary>Adds a one-byte EDT (e.g. 0xE5 day for historical data).</summary>
    public void AddByte(int epc, int value)
    {
        if (_failed || _count == 255 || _position + 3 > _buffer.Length)
        {
            _failed = true;
            return;
        }

        _buffer[_position] = (byte)epc;
        _buffer[_position + 1] = 1;
        _buffer[_position + 2] = (byte)value;
        _position += 3;
        _count++;
        _buffer[_opcAt] = (byte)_count;
    }

    /// <summary>Ends the OPCSet properties of a SetGet and starts its OPCGet section.</summary>
    public void BeginGetSection()
    {
        if (_failed || _position + 1 > _buffer.Length)
        {
            _failed = true;
            return;
        }

        _opcAt = _position;
        _buffer[_opcAt] = 0;
        _count = 0;
        _position++;
    }

    /// <summary>The frame's length, or -1 when it did not fit.</summary>
    public int Finish() => _failed ? -1 : _position - _start;

    /// <summary>Writes an EOJ 0xGGCCII as three bytes.</summary>
    public static void WriteEoj(byte[] b, int offset, int eoj)
    {
        b[offset] = (byte)(eoj >> 16);
        b[offset + 1] = (byte)(eoj >> 8);
        b[offset + 2] = (byte)eoj;
    }
}
