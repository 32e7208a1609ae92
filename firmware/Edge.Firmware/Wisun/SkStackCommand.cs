namespace Edge.Firmware.Wisun;

/// <summary>Builds one command line in a reusable buffer (ASCII, CR LF terminated as the module expects).</summary>
internal sealed class SkStackCommand
{
    private readonly byte[] _buffer;

    public SkStackCommand(int capacity)
    {
        _buffer = new byte[capacity];
    }

    public byte[] Buffer => _buffer;

    public int Length { get; private set; }

    public SkStackCommand Start(string name)
    {
        Length = 0;
        return Text(name);
    }

    public SkStackCommand Text(string text)
    {
        for (var i = 0; i < text.Length && Length < _buffer.Length; i++)
        {
            _buffer[Length++] = (byte)text[i];
        }

        return this;
    }

    public SkStackCommand Space() => Byte((byte)' ');

    public SkStackCommand Byte(byte b)
    {
        if (Length < _buffer.Length)
        {
            _buffer[Length++] = b;
        }

        return this;
    }

    public SkStackCommand Bytes(byte[] data, int offset, int count)
    {
        for (var i = 0; i < count && Length < _buffer.Length; i++)
        {
            _buffer[Length++] = data[offset + i];
        }

        return this;
    }

    /// <summary>Upper-case hex of the low <paramref name="digits"/> nibbles of <paramref name="value"/>.</summary>
    public SkStackCommand Hex(long value, int digits)
    {
        for (var d = digits - 1; d >= 0; d--)
        {
            Byte(SkStackHex.Char((int)((value >> (4 * d)) & 0xF)));
        }

        return this;
    }

    /// <summary>Hex without leading zeros (SKSETPWD's length, SKSCAN's duration).</summary>
    public SkStackCommand HexShort(int value)
    {
        var digits = 1;
        while (digits < 8 && (value >> (4 * digits)) != 0)
        {
            digits++;
        }

        return Hex(value, digits);
    }

    public SkStackCommand End()
    {
        Byte((byte)'\r');
        return Byte((byte)'\n');
    }
}
