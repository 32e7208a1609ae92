namespace Edge.Firmware.Wisun;

/// <summary>ERXUDP, in both module generations and both data formats.</summary>
public sealed partial class SkStackLine
{
    /// <summary>Index of the sender's MAC address (SENDERLLA) in an ERXUDP line; the middle tokens follow it.</summary>
    public const int SenderLlaToken = 5;

    /// <summary>Index of the destination address in an ERXUDP line.</summary>
    public const int DestinationToken = 2;

    /// <summary>
    /// ERXUDP SENDER DEST RPORT LPORT SENDERLLA {middle} DATALEN DATA, where {middle} is SECURED (BP35A1),
    /// SECURED SIDE, or RSSI SECURED SIDE (BP35C0 family). DATALEN is 4 hex digits; DATA is 2×DATALEN hex digits
    /// (WOPT 01) or DATALEN raw bytes (WOPT 00, the rest of the line). The middle count is the first of 1, 2, 3
    /// for which DATALEN and DATA agree; the addresses are taken as they come (the module may compress them).
    /// </summary>
    private int ParseUdp()
    {
        if (TokenCount < 8 || !Hex(3, out var rport) || !Hex(4, out var lport) || _length[3] > 4 || _length[4] > 4
            || !Hex(SenderLlaToken, out _))
        {
            return SkStackLineKind.Unknown;
        }

        for (var middle = 1; middle <= 3; middle++)
        {
            var lengthToken = SenderLlaToken + 1 + middle;
            if (lengthToken >= TokenCount)
            {
                break;
            }

            if (_length[lengthToken] != 4 || !Hex(lengthToken, out var declared) || declared > MaxData || !MiddleIsHex(middle))
            {
                continue;
            }

            var count = (int)declared;
            var dataStart = _start[lengthToken] + 5;
            var rest = dataStart <= _textLength ? _textLength - dataStart : 0;
            if (count == 0 ? TokenCount == lengthToken + 1 : DecodeHex(lengthToken, count, rest))
            {
                DataWasHex = true;
            }
            else if (!AllowBinaryData || count == 0 || rest != count || _text[dataStart - 1] != (byte)' ')
            {
                continue;
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    Data[i] = _text[dataStart + i];
                }
            }

            DataLength = count;
            RemotePort = (int)rport;
            LocalPort = (int)lport;
            AddressToken = 1;
            SetMiddle(middle);
            return SkStackLineKind.ReceivedUdp;
        }

        return SkStackLineKind.Unknown;
    }

    private bool DecodeHex(int lengthToken, int count, int rest)
    {
        var dataToken = lengthToken + 1;
        return TokenCount == dataToken + 1
            && _length[dataToken] == 2 * count
            && rest == _length[dataToken]
            && SkStackHex.TryDecode(_text, _start[dataToken], _length[dataToken], Data, 0);
    }

    private bool MiddleIsHex(int middle)
    {
        for (var m = 0; m < middle; m++)
        {
            if (_length[SenderLlaToken + 1 + m] > 2 || !Hex(SenderLlaToken + 1 + m, out _))
            {
                return false;
            }
        }

        return true;
    }

    private void SetMiddle(int middle)
    {
        MiddleCount = middle;
        var first = SenderLlaToken + 1;
        long v;
        if (middle == 3)
        {
            Hex(first, out v);
            RssiRaw = (int)v;
            first++;
        }

        Hex(first, out v);
        Secured = (int)v;
        if (middle >= 2)
        {
            Hex(first + 1, out v);
            Side = (int)v;
        }
    }
}
