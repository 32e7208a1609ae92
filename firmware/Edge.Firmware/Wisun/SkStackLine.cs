namespace Edge.Firmware.Wisun;

/// <summary>
/// One parsed line from an SKSTACK-IP module (ROHM BP35A1 / BP35C0 family). <see cref="Parse"/> fills it
/// from a line without its CR LF; it never throws and never allocates: text fields are token positions in the
/// parsed buffer (valid until that buffer is reused), the ERXUDP payload is decoded into <see cref="Data"/>.
/// Anything that is not a well-formed line of a known kind comes out as <see cref="SkStackLineKind.Unknown"/>.
/// </summary>
public sealed partial class SkStackLine
{
    /// <summary>Most tokens kept per line (an ERXUDP of the BP35C0 has 11).</summary>
    public const int MaxTokens = 16;

    /// <summary>Largest UDP payload accepted (the BP35A1 carries up to 1232 bytes).</summary>
    public const int MaxData = 1232;

    /// <summary>Value of the optional numeric fields when absent.</summary>
    public const int None = -1;

    private static readonly byte[] _empty = new byte[0];
    private readonly int[] _start = new int[MaxTokens];
    private readonly int[] _length = new int[MaxTokens];
    private byte[] _text = _empty;
    private int _textLength;

    /// <summary>
    /// Whether ERXUDP data may be raw bytes (WOPT 00). True by default; a client that set hex output turns it off so
    /// that a truncated hex payload is rejected instead of being taken as raw bytes.
    /// </summary>
    public bool AllowBinaryData { get; set; } = true;

    /// <summary>One of <see cref="SkStackLineKind"/>.</summary>
    public int Kind { get; private set; }

    /// <summary>Tokens found (at most <see cref="MaxTokens"/>).</summary>
    public int TokenCount { get; private set; }

    /// <summary>FAIL: the ERxx number, or <see cref="SkStackFailCode.Unreadable"/>.</summary>
    public int FailCode { get; private set; }

    /// <summary>OK: the value after OK (hex), or <see cref="None"/>.</summary>
    public int OkValue { get; private set; }

    /// <summary>EVENT: its number (hex in the line: EVENT 25 is 0x25).</summary>
    public int EventNumber { get; private set; }

    /// <summary>EVENT: the parameter (EVENT 21: 00/01/02), or <see cref="None"/>.</summary>
    public int EventParam { get; private set; }

    /// <summary>EVENT / ERXUDP: the BP35C0's SIDE (0 B-route, 1 HAN), or <see cref="None"/> (BP35A1 lines have none).</summary>
    public int Side { get; private set; }

    /// <summary>PanField: one of <see cref="SkStackPanField"/>.</summary>
    public int PanField { get; private set; }

    /// <summary>PanField: the field's value (hex), as an unsigned bit pattern.</summary>
    public long PanValue { get; private set; }

    /// <summary>PanField: digits in the value (16 for Addr).</summary>
    public int PanValueDigits { get; private set; }

    /// <summary>EINFO: channel; ERXUDP: remote port.</summary>
    public int Channel { get; private set; }

    /// <summary>EINFO: PAN ID.</summary>
    public int PanId { get; private set; }

    /// <summary>EINFO: 16-bit short address.</summary>
    public int ShortAddress { get; private set; }

    /// <summary>ERXUDP: sender's port.</summary>
    public int RemotePort { get; private set; }

    /// <summary>ERXUDP: our port.</summary>
    public int LocalPort { get; private set; }

    /// <summary>ERXUDP: tokens between the sender's MAC address and DATALEN (1 BP35A1, 2 or 3 later modules).</summary>
    public int MiddleCount { get; private set; }

    /// <summary>ERXUDP: SECURED (1 encrypted by the PANA session key), or <see cref="None"/>.</summary>
    public int Secured { get; private set; }

    /// <summary>ERXUDP with three middle tokens: the RSSI byte as sent (hex), or <see cref="None"/>.</summary>
    public int RssiRaw { get; private set; }

    /// <summary>ERXUDP: payload bytes in <see cref="Data"/>.</summary>
    public int DataLength { get; private set; }

    /// <summary>ERXUDP: true when the payload was hex text (WOPT 01), false when raw bytes (WOPT 00).</summary>
    public bool DataWasHex { get; private set; }

    /// <summary>ERXUDP: the payload.</summary>
    public byte[] Data { get; } = new byte[MaxData];

    /// <summary>Token index of the address of an EVENT (sender), ERXUDP (sender), EINFO (own) or bare address line.</summary>
    public int AddressToken { get; private set; }

    /// <summary>Start of token <paramref name="index"/> in the parsed buffer.</summary>
    public int TokenStart(int index) => index >= 0 && index < TokenCount ? _start[index] : 0;

    /// <summary>Length of token <paramref name="index"/> (0 when there is none).</summary>
    public int TokenLength(int index) => index >= 0 && index < TokenCount ? _length[index] : 0;

    /// <summary>True when token <paramref name="index"/> equals <paramref name="text"/> byte for byte (count bytes from offset).</summary>
    public bool TokenEquals(int index, byte[] text, int offset, int count)
    {
        if (index < 0 || index >= TokenCount || _length[index] != count)
        {
            return false;
        }

        var s = _start[index];
        for (var i = 0; i < count; i++)
        {
            if (_text[s + i] != text[offset + i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies token <paramref name="index"/> to <paramref name="output"/>; returns its length, or 0 when it does not fit.</summary>
    public int CopyToken(int index, byte[] output, int offset)
    {
        var n = TokenLength(index);
        if (n == 0 || offset + n > output.Length)
        {
            return 0;
        }

        for (var i = 0; i < n; i++)
        {
            output[offset + i] = _text[_start[index] + i];
        }

        return n;
    }

    /// <summary>Token <paramref name="index"/> as a string (allocates: diagnostics and tests).</summary>
    public string TokenText(int index)
    {
        var n = TokenLength(index);
        var chars = new char[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = (char)_text[_start[index] + i];
        }

        return new string(chars);
    }
}
