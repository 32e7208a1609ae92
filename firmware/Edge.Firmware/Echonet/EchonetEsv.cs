namespace Edge.Firmware.Echonet;

/// <summary>
/// ECHONET Lite service codes (ESV), ECHONET Lite specification Part 2 §3.2.5 (tables 3-9 to 3-11): requests
/// 0x60-0x6F, responses and notifications 0x70-0x7F, "service not available" error responses 0x50-0x5F.
/// </summary>
public static class EchonetEsv
{
    /// <summary>Property value write request (no response required).</summary>
    public const int SetI = 0x60;

    /// <summary>Property value write request (response required).</summary>
    public const int SetC = 0x61;

    /// <summary>Property value read request.</summary>
    public const int Get = 0x62;

    /// <summary>Property value notification request.</summary>
    public const int InfReq = 0x63;

    /// <summary>Property value write and read request (two property sections).</summary>
    public const int SetGet = 0x6E;

    /// <summary>Property value write response.</summary>
    public const int SetRes = 0x71;

    /// <summary>Property value read response.</summary>
    public const int GetRes = 0x72;

    /// <summary>Property value notification.</summary>
    public const int Inf = 0x73;

    /// <summary>Property value notification (response required).</summary>
    public const int Infc = 0x74;

    /// <summary>Property value notification response.</summary>
    public const int InfcRes = 0x7A;

    /// <summary>Property value write and read response (two property sections).</summary>
    public const int SetGetRes = 0x7E;

    /// <summary>Property value write request (no response required) not possible.</summary>
    public const int SetISna = 0x50;

    /// <summary>Property value write request (response required) not possible.</summary>
    public const int SetCSna = 0x51;

    /// <summary>Property value read not possible.</summary>
    public const int GetSna = 0x52;

    /// <summary>Property value notification not possible.</summary>
    public const int InfSna = 0x53;

    /// <summary>Property value write and read not possible (two property sections).</summary>
    public const int SetGetSna = 0x5E;

    /// <summary>The name used in the specification (e.g. "Get_Res"), or null for a code it does not define.</summary>
    public static string? Name(int esv)
    {
        switch (esv)
        {
            case SetI: return "SetI";
            case SetC: return "SetC";
            case Get: return "Get";
            case InfReq: return "INF_REQ";
            case SetGet: return "SetGet";
            case SetRes: return "Set_Res";
            case GetRes: return "Get_Res";
            case Inf: return "INF";
            case Infc: return "INFC";
            case InfcRes: return "INFC_Res";
            case SetGetRes: return "SetGet_Res";
            case SetISna: return "SetI_SNA";
            case SetCSna: return "SetC_SNA";
            case GetSna: return "Get_SNA";
            case InfSna: return "INF_SNA";
            case SetGetSna: return "SetGet_SNA";
            default: return null;
        }
    }

    /// <summary>True for the SetGet family, whose EDATA has an OPCSet section and then an OPCGet section.</summary>
    public static bool HasTwoSections(int esv) => esv == SetGet || esv == SetGetRes || esv == SetGetSna;

    /// <summary>True for the "service not available" responses (0x50-0x5F).</summary>
    public static bool IsSna(int esv) => esv >= 0x50 && esv <= 0x5F;
}
