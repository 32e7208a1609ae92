namespace Edge.Firmware.Echonet;

/// <summary>How an <see cref="EchonetRequester"/> exchange ended.</summary>
public static class EchonetOutcome
{
    /// <summary>The node answered with the full response (Get_Res, Set_Res, INF, SetGet_Res).</summary>
    public const int Ok = 0;

    /// <summary>The node answered "service not available" (a _SNA ESV): some property was refused.</summary>
    public const int NotAvailable = 1;

    /// <summary>No matching response within the timeout after every retry.</summary>
    public const int Timeout = 2;

    /// <summary>The transport refused to send.</summary>
    public const int SendFailed = 3;

    /// <summary>The request did not fit the send buffer (too many or too long properties).</summary>
    public const int RequestTooLong = 4;

    /// <summary>Name as used in logs.</summary>
    public static string Name(int outcome)
    {
        switch (outcome)
        {
            case Ok: return "ok";
            case NotAvailable: return "not available";
            case Timeout: return "timeout";
            case SendFailed: return "send failed";
            default: return "request too long";
        }
    }
}
