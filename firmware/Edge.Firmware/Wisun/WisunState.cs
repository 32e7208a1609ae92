namespace Edge.Firmware.Wisun;

/// <summary>States of the B-route join state machine of <see cref="WisunBrouteClient"/>.</summary>
public static class WisunState
{
    /// <summary>Not started.</summary>
    public const int Idle = 0;

    /// <summary>Setting the module up (SKVER, echo, options, password, ID).</summary>
    public const int Starting = 1;

    /// <summary>Active scan running.</summary>
    public const int Scanning = 2;

    /// <summary>Channel, PAN ID and address set; PANA authentication running.</summary>
    public const int Joining = 3;

    /// <summary>B-route session up: UDP to and from the meter.</summary>
    public const int Joined = 4;

    /// <summary>The session lifetime expired (EVENT 29); the module re-authenticates.</summary>
    public const int Reauthenticating = 5;

    /// <summary>The meter or the session went away: re-scan and re-join with <see cref="WisunBrouteClient.Connect"/>.</summary>
    public const int Lost = 6;

    /// <summary>A short English name for logs.</summary>
    public static string Name(int state)
    {
        switch (state)
        {
            case Idle: return "idle";
            case Starting: return "starting";
            case Scanning: return "scanning";
            case Joining: return "joining";
            case Joined: return "joined";
            case Reauthenticating: return "re-authenticating";
            case Lost: return "lost";
            default: return "unknown";
        }
    }
}
