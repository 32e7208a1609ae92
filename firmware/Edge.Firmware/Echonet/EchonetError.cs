namespace Edge.Firmware.Echonet;

/// <summary>
/// Why a frame or a property was rejected (<see cref="EchonetFrame.Error"/>, <see cref="EchonetValue.Error"/>).
/// Codes are stable; the text beside them in the result names the bytes involved.
/// </summary>
public static class EchonetError
{
    /// <summary>No error.</summary>
    public const int None = 0;

    /// <summary>Fewer than 4 bytes (EHD1, EHD2, TID).</summary>
    public const int TruncatedHeader = 1;

    /// <summary>EHD1 is not 0x10 (ECHONET Lite); 0x80-0x8F would be plain ECHONET, not supported.</summary>
    public const int UnknownEhd1 = 2;

    /// <summary>EHD2 is neither 0x81 (specified message format) nor 0x82 (arbitrary message format).</summary>
    public const int UnknownEhd2 = 3;

    /// <summary>Specified format EDATA shorter than SEOJ, DEOJ, ESV and OPC (8 bytes).</summary>
    public const int TruncatedEdata = 4;

    /// <summary>An ESV the specification does not define.</summary>
    public const int UnknownEsv = 5;

    /// <summary>OPC 0: a frame must carry at least one property (SetGet: at least one in either section).</summary>
    public const int ZeroOpc = 6;

    /// <summary>The frame ends inside a property's EPC/PDC pair, or before OPCGet of a SetGet frame.</summary>
    public const int TruncatedProperty = 7;

    /// <summary>A property's PDC runs past the end of the frame.</summary>
    public const int PdcBeyondEnd = 8;

    /// <summary>Bytes left over after the last property OPC announced.</summary>
    public const int TrailingBytes = 9;

    /// <summary>More properties than this decoder keeps (<see cref="EchonetFrame.PropertyCapacity"/>).</summary>
    public const int TooManyProperties = 10;

    /// <summary>Longer than <see cref="EchonetFrame.MaxLength"/>.</summary>
    public const int FrameTooLong = 11;

    /// <summary>A property's EDT is not the size the APPENDIX defines for it.</summary>
    public const int WrongPdc = 12;

    /// <summary>A property's EDT is the right size but holds a value outside its defined range.</summary>
    public const int OutOfRange = 13;

    /// <summary>Short name of a code (the detailed text is in the result's error text).</summary>
    public static string Name(int code)
    {
        switch (code)
        {
            case None: return "none";
            case TruncatedHeader: return "truncated header";
            case UnknownEhd1: return "unknown EHD1";
            case UnknownEhd2: return "unknown EHD2";
            case TruncatedEdata: return "truncated EDATA";
            case UnknownEsv: return "unknown ESV";
            case ZeroOpc: return "OPC 0";
            case TruncatedProperty: return "truncated property";
            case PdcBeyondEnd: return "PDC beyond end";
            case TrailingBytes: return "trailing bytes";
            case TooManyProperties: return "too many properties";
            case FrameTooLong: return "frame too long";
            case WrongPdc: return "wrong PDC";
            case OutOfRange: return "out of range";
            default: return "unknown error";
        }
    }
}
