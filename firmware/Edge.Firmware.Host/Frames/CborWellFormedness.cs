using System;

namespace Edge.Firmware.Frames;

/// <summary>
/// Checks that the first CBOR data item of a frame is well-formed (RFC 8949 §5.3.1, Appendix C) and uses
/// definite lengths only (FRAME.md), and names the problem precisely: a truncated frame, a reserved
/// value, an indefinite length, too deep nesting. Runs before the strict reader, whose messages are less
/// plain. Items of the top-level array are reported as records.
/// </summary>
internal ref struct CborWellFormedness
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _record;

    private CborWellFormedness(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    /// <summary>Null when the first item of <paramref name="data"/> is well-formed; otherwise the reason, with its place.</summary>
    public static string? Check(ReadOnlySpan<byte> data)
    {
        var walker = new CborWellFormedness(data);
        return walker.Item(0);
    }

    private readonly string Place => _record > 0 ? $"record {_record}: " : string.Empty;

    private string? Item(int depth)
    {
        if (depth > FrameLimits.MaxDepth)
        {
            return $"{Place}items nested more than {FrameLimits.MaxDepth} levels deep at byte {_position + 1}";
        }

        var start = _position;
        if (!Take(1, out var initial))
        {
            return Truncated();
        }

        var major = (int)(initial >> 5);
        var info = (int)(initial & 0x1f);
        ulong argument = (ulong)info;
        switch (info)
        {
            case >= 24 and <= 27:
                if (!Take(1 << (info - 24), out argument))
                {
                    return Truncated();
                }

                break;
            case >= 28 and <= 30:
                return $"{Place}not well-formed CBOR: reserved additional information {info} at byte {start + 1}";
            case 31:
                return major == 7
                    ? $"{Place}not well-formed CBOR: unexpected break (0xff) at byte {start + 1}"
                    : $"{Place}indefinite-length item at byte {start + 1}; FRAME.md requires definite lengths";
        }

        switch (major)
        {
            case 2 or 3:
                return argument <= (ulong)(_data.Length - _position) ? Skip((int)argument) : Truncated();
            case 4 or 5:
                var items = major == 5 ? (UInt128)argument * 2 : argument;
                for (UInt128 i = 0; i < items; i++)
                {
                    if (depth == 0 && major == 4)
                    {
                        _record = (int)Math.Min((ulong)i + 1, int.MaxValue);
                    }

                    if (Item(depth + 1) is { } error)
                    {
                        return error;
                    }
                }

                if (depth == 0)
                {
                    _record = 0;
                }

                return null;
            case 6:
                return Item(depth + 1);
            case 7 when info == 24 && argument < 32:
                return $"{Place}not well-formed CBOR: simple value {argument} encoded in two bytes at byte {start + 1}";
            default:
                return null;
        }
    }

    private string? Skip(int count)
    {
        _position += count;
        return null;
    }

    private bool Take(int count, out ulong value)
    {
        value = 0;
        if (_data.Length - _position < count)
        {
            _position = _data.Length;
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            value = (value << 8) | _data[_position++];
        }

        return true;
    }

    private readonly string Truncated() =>
        $"{Place}frame is truncated ({_data.Length} bytes; an item runs past the end)";
}
