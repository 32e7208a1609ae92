namespace Edge.Firmware.Wisun;

/// <summary>Tokenising and the line kinds other than ERXUDP.</summary>
public sealed partial class SkStackLine
{
    private static readonly byte[] _ok = new byte[] { (byte)'O', (byte)'K' };
    private static readonly byte[] _fail = new byte[] { (byte)'F', (byte)'A', (byte)'I', (byte)'L' };
    private static readonly byte[] _event = new byte[] { (byte)'E', (byte)'V', (byte)'E', (byte)'N', (byte)'T' };
    private static readonly byte[] _ever = new byte[] { (byte)'E', (byte)'V', (byte)'E', (byte)'R' };
    private static readonly byte[] _einfo = new byte[] { (byte)'E', (byte)'I', (byte)'N', (byte)'F', (byte)'O' };
    private static readonly byte[] _epandesc = new byte[] { (byte)'E', (byte)'P', (byte)'A', (byte)'N', (byte)'D', (byte)'E', (byte)'S', (byte)'C' };
    private static readonly byte[] _erxudp = new byte[] { (byte)'E', (byte)'R', (byte)'X', (byte)'U', (byte)'D', (byte)'P' };
    private static readonly byte[] _wopt = new byte[] { (byte)'W', (byte)'O', (byte)'P', (byte)'T' };
    private static readonly byte[] _ropt = new byte[] { (byte)'R', (byte)'O', (byte)'P', (byte)'T' };

    /// <summary>
    /// Parses <paramref name="length"/> bytes of <paramref name="line"/> (CR LF already removed); returns
    /// <see cref="Kind"/>. Never throws: a null or short buffer, a bad length or garbage give Unknown.
    /// </summary>
    public int Parse(byte[] line, int length)
    {
        Reset();
        if (line == null || length < 0 || length > line.Length)
        {
            return Kind;
        }

        _text = line;
        _textLength = length;
        if (length == 0)
        {
            return Kind = SkStackLineKind.Empty;
        }

        // EPANDESC fields are the only indented lines, and one name ("Channel Page") holds a space.
        if (line[0] == (byte)' ' && ParsePanField())
        {
            return Kind = SkStackLineKind.PanField;
        }

        Tokenise();
        if (TokenCount == 0)
        {
            return Kind = SkStackLineKind.Empty;
        }

        Kind = Classify();
        if (Kind == SkStackLineKind.Unknown)
        {
            // Half-filled fields of a rejected line must not be mistaken for data.
            var tokens = TokenCount;
            Reset();
            TokenCount = tokens;
        }

        return Kind;
    }

    private int Classify()
    {
        if (Is(0, _ok))
        {
            return ParseOk();
        }

        if (Is(0, _fail))
        {
            FailCode = ParseFailCode();
            return TokenCount == 2 ? SkStackLineKind.Fail : SkStackLineKind.Unknown;
        }

        if (Is(0, _event))
        {
            return ParseEvent();
        }

        if (Is(0, _erxudp))
        {
            return ParseUdp();
        }

        if (Is(0, _ever))
        {
            return TokenCount == 2 ? SkStackLineKind.Version : SkStackLineKind.Unknown;
        }

        if (Is(0, _einfo))
        {
            return ParseInfo();
        }

        if (Is(0, _epandesc))
        {
            return TokenCount == 1 ? SkStackLineKind.PanDescriptor : SkStackLineKind.Unknown;
        }

        if ((_length[0] >= 2 && _text[_start[0]] == (byte)'S' && _text[_start[0] + 1] == (byte)'K') || Is(0, _wopt) || Is(0, _ropt))
        {
            return SkStackLineKind.Echo;
        }

        if (TokenCount == 1 && IsAddress(0))
        {
            AddressToken = 0;
            return SkStackLineKind.Address;
        }

        return IsInformationName(0) ? SkStackLineKind.Other : SkStackLineKind.Unknown;
    }

    private int ParseOk()
    {
        if (TokenCount == 1)
        {
            return SkStackLineKind.Ok;
        }

        if (TokenCount == 2 && _length[1] <= 4 && SkStackHex.TryParse(_text, _start[1], _length[1], out var v))
        {
            OkValue = (int)v;
            return SkStackLineKind.Ok;
        }

        return SkStackLineKind.Unknown;
    }

    private int ParseFailCode()
    {
        if (TokenCount < 2 || _length[1] != 4 || _text[_start[1]] != (byte)'E' || _text[_start[1] + 1] != (byte)'R')
        {
            return SkStackFailCode.Unreadable;
        }

        var d1 = _text[_start[1] + 2] - '0';
        var d2 = _text[_start[1] + 3] - '0';
        return d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 ? SkStackFailCode.Unreadable : (d1 * 10) + d2;
    }

    /// <summary>EVENT NUM SENDER, then nothing (BP35A1), PARAM (BP35A1 EVENT 21), SIDE (BP35C0) or SIDE PARAM (BP35C0 EVENT 21).</summary>
    private int ParseEvent()
    {
        if (TokenCount < 3 || TokenCount > 5 || _length[1] > 2 || !Hex(1, out var number))
        {
            return SkStackLineKind.Unknown;
        }

        EventNumber = (int)number;
        AddressToken = 2;
        if (TokenCount == 3)
        {
            return SkStackLineKind.Event;
        }

        if (!Hex(3, out var first) || _length[3] > 2)
        {
            return SkStackLineKind.Unknown;
        }

        if (TokenCount == 4)
        {
            if (EventNumber == SkStackEvent.UdpSendDone)
            {
                EventParam = (int)first;
            }
            else
            {
                Side = (int)first;
            }

            return SkStackLineKind.Event;
        }

        if (!Hex(4, out var second) || _length[4] > 2)
        {
            return SkStackLineKind.Unknown;
        }

        Side = (int)first;
        EventParam = (int)second;
        return SkStackLineKind.Event;
    }

    /// <summary>EINFO IPADDR ADDR64 CHANNEL PANID ADDR16 (SKINFO).</summary>
    private int ParseInfo()
    {
        if (TokenCount != 6 || !IsAddress(1) || !Hex(2, out _) || !Hex(3, out var channel) || !Hex(4, out var pan) || !Hex(5, out var short16)
            || _length[3] > 2 || _length[4] > 4 || _length[5] > 4)
        {
            return SkStackLineKind.Unknown;
        }

        AddressToken = 1;
        Channel = (int)channel;
        PanId = (int)pan;
        ShortAddress = (int)short16;
        return SkStackLineKind.Info;
    }

    /// <summary>"  Name:HEX" inside an EPANDESC block: token 0 the name, token 1 the value.</summary>
    private bool ParsePanField()
    {
        var i = 0;
        while (i < _textLength && _text[i] == (byte)' ')
        {
            i++;
        }

        var nameStart = i;
        while (i < _textLength && _text[i] != (byte)':')
        {
            i++;
        }

        if (i >= _textLength || i == nameStart)
        {
            return false;
        }

        var valueStart = i + 1;
        var valueLength = _textLength - valueStart;
        if (!SkStackHex.TryParse(_text, valueStart, valueLength, out var value))
        {
            return false;
        }

        TokenCount = 2;
        _start[0] = nameStart;
        _length[0] = i - nameStart;
        _start[1] = valueStart;
        _length[1] = valueLength;
        PanField = SkStackPanNames.Lookup(_text, nameStart, i - nameStart);
        PanValue = value;
        PanValueDigits = valueLength;
        return true;
    }

    private void Tokenise()
    {
        var i = 0;
        while (i < _textLength && TokenCount < MaxTokens)
        {
            while (i < _textLength && _text[i] == (byte)' ')
            {
                i++;
            }

            if (i >= _textLength)
            {
                break;
            }

            var s = i;
            while (i < _textLength && _text[i] != (byte)' ')
            {
                i++;
            }

            _start[TokenCount] = s;
            _length[TokenCount] = i - s;
            TokenCount++;
        }
    }

    private bool Is(int index, byte[] word) => TokenEquals(index, word, 0, word.Length);

    private bool Hex(int index, out long value)
    {
        value = 0;
        return index < TokenCount && SkStackHex.TryParse(_text, _start[index], _length[index], out value);
    }

    /// <summary>An IPv6 address as the module prints it: hex digits and colons, 2..39 characters, at least one colon.</summary>
    private bool IsAddress(int index)
    {
        var n = _length[index];
        if (n < 2 || n > 39)
        {
            return false;
        }

        var colons = 0;
        for (var i = _start[index]; i < _start[index] + n; i++)
        {
            if (_text[i] == (byte)':')
            {
                colons++;
            }
            else if (SkStackHex.Digit(_text[i]) < 0)
            {
                return false;
            }
        }

        return colons > 0;
    }

    /// <summary>Information lines of other commands (EADDR, ENEIGHBOR, EPORT, ...): E and upper-case letters.</summary>
    private bool IsInformationName(int index)
    {
        var n = _length[index];
        if (n < 3 || n > 12 || _text[_start[index]] != (byte)'E')
        {
            return false;
        }

        for (var i = _start[index]; i < _start[index] + n; i++)
        {
            if (_text[i] < (byte)'A' || _text[i] > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }

    private void Reset()
    {
        Kind = SkStackLineKind.Unknown;
        TokenCount = 0;
        FailCode = 0;
        OkValue = None;
        EventNumber = None;
        EventParam = None;
        Side = None;
        PanField = SkStackPanField.Unknown;
        PanValue = 0;
        PanValueDigits = 0;
        Channel = None;
        PanId = None;
        ShortAddress = None;
        RemotePort = None;
        LocalPort = None;
        MiddleCount = 0;
        Secured = None;
        RssiRaw = None;
        DataLength = 0;
        DataWasHex = false;
        AddressToken = None;
    }
}
