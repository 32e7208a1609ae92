namespace Edge.Firmware.Wisun;

/// <summary>What one line from an SKSTACK-IP module is (BP35A1 command reference §3, §4: responses and events).</summary>
public static class SkStackLineKind
{
    /// <summary>Not recognised (garbage, a partial line, or a response this client does not use).</summary>
    public const int Unknown = 0;

    /// <summary>An empty line.</summary>
    public const int Empty = 1;

    /// <summary><c>OK</c>, optionally with a value (<c>OK 01</c> after ROPT).</summary>
    public const int Ok = 2;

    /// <summary><c>FAIL ERxx</c>.</summary>
    public const int Fail = 3;

    /// <summary><c>EVENT NUM SENDER [SIDE] [PARAM]</c>.</summary>
    public const int Event = 4;

    /// <summary><c>EVER x.y.z</c> (SKVER).</summary>
    public const int Version = 5;

    /// <summary><c>EINFO IPADDR ADDR64 CHANNEL PANID ADDR16</c> (SKINFO).</summary>
    public const int Info = 6;

    /// <summary><c>EPANDESC</c>: a PAN descriptor block follows, one indented field per line.</summary>
    public const int PanDescriptor = 7;

    /// <summary>One field line of an EPANDESC block (<c>  Channel:21</c>).</summary>
    public const int PanField = 8;

    /// <summary><c>ERXUDP ...</c>: a UDP datagram received.</summary>
    public const int ReceivedUdp = 9;

    /// <summary>A bare IPv6 address (the answer to SKLL64).</summary>
    public const int Address = 10;

    /// <summary>The module echoing a command (echo is on until <c>SKSREG SFE 0</c>).</summary>
    public const int Echo = 11;

    /// <summary>A known information line this client ignores (EADDR, ENEIGHBOR, EPORT, EHANDLE, ESEC, ...).</summary>
    public const int Other = 12;

    /// <summary>A line longer than the reader's buffer; its bytes were dropped.</summary>
    public const int TooLong = 13;
}
