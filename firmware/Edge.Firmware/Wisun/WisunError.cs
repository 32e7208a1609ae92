namespace Edge.Firmware.Wisun;

/// <summary>Results of <see cref="WisunBrouteClient"/> operations.</summary>
public static class WisunError
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The configuration is unusable (password length, B-route ID length, scan durations).</summary>
    public const int BadConfig = 1;

    /// <summary>The serial link failed.</summary>
    public const int LinkError = 2;

    /// <summary>The module did not answer a command in time (after retries for SKVER).</summary>
    public const int ModuleTimeout = 3;

    /// <summary>The module answered FAIL ERxx (see <see cref="WisunBrouteClient.LastFailCode"/>).</summary>
    public const int CommandFailed = 4;

    /// <summary>Active scans up to the longest duration found no PAN (the meter is away or out of range).</summary>
    public const int NoPanFound = 5;

    /// <summary>SKLL64 gave no address.</summary>
    public const int NoAddress = 6;

    /// <summary>PANA authentication failed (EVENT 24) on every attempt.</summary>
    public const int JoinFailed = 7;

    /// <summary>PANA gave neither EVENT 25 nor EVENT 24 in time.</summary>
    public const int JoinTimeout = 8;

    /// <summary>No B-route session: call <see cref="WisunBrouteClient.Connect"/>.</summary>
    public const int NotJoined = 9;

    /// <summary>The datagram is empty or larger than <see cref="SkStackLine.MaxData"/>.</summary>
    public const int BadPayload = 10;

    /// <summary>EVENT 21 reported the UDP send failed (the meter did not acknowledge).</summary>
    public const int SendFailed = 11;

    /// <summary>The ARIB STD-T108 transmission time limit is reached (EVENT 32); try after EVENT 33.</summary>
    public const int SendLimited = 12;

    /// <summary>No datagram from the meter in time.</summary>
    public const int NoAnswer = 13;

    /// <summary>The session is gone (EVENT 24/26/27/28, repeated send failures or unanswered requests): re-connect.</summary>
    public const int SessionLost = 14;

    /// <summary>A short English name for logs.</summary>
    public static string Name(int error)
    {
        switch (error)
        {
            case Ok: return "ok";
            case BadConfig: return "bad configuration";
            case LinkError: return "serial link error";
            case ModuleTimeout: return "module did not answer";
            case CommandFailed: return "module answered FAIL";
            case NoPanFound: return "no PAN found by active scan";
            case NoAddress: return "SKLL64 gave no address";
            case JoinFailed: return "PANA authentication failed";
            case JoinTimeout: return "PANA gave no result";
            case NotJoined: return "no B-route session";
            case BadPayload: return "payload empty or too long";
            case SendFailed: return "UDP send failed";
            case SendLimited: return "transmission time limit reached";
            case NoAnswer: return "no answer from the meter";
            case SessionLost: return "session lost";
            default: return "unknown error";
        }
    }
}
