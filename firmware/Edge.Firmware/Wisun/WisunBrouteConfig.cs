namespace Edge.Firmware.Wisun;

/// <summary>Settings of a <see cref="WisunBrouteClient"/>: the B-route credentials from the power company and the timing.</summary>
public sealed class WisunBrouteConfig
{
    /// <summary>ECHONET Lite's UDP port (ECHONET Lite specification part 2 §3.2: 3610 = 0x0E1A).</summary>
    public const int EchonetPort = 3610;

    /// <summary>B-route password (1..32 printable ASCII characters; 12 in practice).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>B-route authentication ID (32 characters).</summary>
    public string RouteBId { get; set; } = string.Empty;

    /// <summary>One of <see cref="WisunModuleGeneration"/>.</summary>
    public int Generation { get; set; } = WisunModuleGeneration.Bp35A1;

    /// <summary>SKSCAN channel mask (bit 0 = channel 33).</summary>
    public long ChannelMask { get; set; } = 0xFFFFFFFFL;

    /// <summary>First SKSCAN duration (0..14): each channel is listened to 10 ms × (2^duration + 1).</summary>
    public int ScanDurationFirst { get; set; } = 4;

    /// <summary>Longest SKSCAN duration; a scan finding nothing is repeated one step longer up to this.</summary>
    public int ScanDurationMax { get; set; } = 7;

    /// <summary>Ask the module for ERXUDP data as hex text (ROPT, then WOPT 01 only when needed: WOPT writes flash).</summary>
    public bool HexData { get; set; } = true;

    /// <summary>Longest wait for OK/FAIL of an ordinary command.</summary>
    public int CommandTimeoutMs { get; set; } = 3000;

    /// <summary>Attempts of SKVER before the module counts as not answering.</summary>
    public int ProbeAttempts { get; set; } = 3;

    /// <summary>Time added to the computed scan time before giving up on EVENT 22.</summary>
    public int ScanMarginMs { get; set; } = 5000;

    /// <summary>Longest wait for EVENT 25/24 after SKJOIN (the module itself gives up with EVENT 24 before).</summary>
    public int JoinTimeoutMs { get; set; } = 60000;

    /// <summary>SKJOIN attempts on one scan result before re-scanning.</summary>
    public int JoinAttempts { get; set; } = 2;

    /// <summary>Longest wait for OK and EVENT 21 after SKSENDTO.</summary>
    public int SendTimeoutMs { get; set; } = 10000;

    /// <summary>Default wait for the meter's answer in <see cref="WisunBrouteClient.Request"/>.</summary>
    public int AnswerTimeoutMs { get; set; } = 10000;

    /// <summary>Consecutive failed sends (EVENT 21 01, FAIL) after which the session counts as lost.</summary>
    public int MaxSendFailures { get; set; } = 3;

    /// <summary>Consecutive unanswered requests after which the session counts as lost.</summary>
    public int MaxUnanswered { get; set; } = 3;

    /// <summary>Datagrams from the meter kept while the caller is busy (oldest dropped beyond).</summary>
    public int ReceiveSlots { get; set; } = 4;

    /// <summary>True when the values can work: password 1..32 and ID 32 printable characters, durations 0..14 in order.</summary>
    public bool IsValid()
    {
        return Printable(Password, 1, 32) && Printable(RouteBId, 32, 32)
            && ScanDurationFirst >= 0 && ScanDurationFirst <= ScanDurationMax && ScanDurationMax <= 14
            && (Generation == WisunModuleGeneration.Bp35A1 || Generation == WisunModuleGeneration.Bp35C0)
            && CommandTimeoutMs > 0 && JoinTimeoutMs > 0 && SendTimeoutMs > 0 && ReceiveSlots > 0 && JoinAttempts > 0
            && ProbeAttempts > 0 && MaxSendFailures > 0 && MaxUnanswered > 0 && (ChannelMask & 0x0FFFFFFFL) != 0;
    }

    private static bool Printable(string s, int min, int max)
    {
        if (s == null || s.Length < min || s.Length > max)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] <= ' ' || s[i] > '~')
            {
                return false;
            }
        }

        return true;
    }
}
