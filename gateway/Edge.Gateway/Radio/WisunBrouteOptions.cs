namespace Edge.Gateway.Radio;

/// <summary>Settings of a <c>wisun-broute</c> input (<c>Edge:Gateway:Inputs:N:Wisun</c>): the smart meter's B-route.</summary>
public sealed class WisunBrouteOptions
{
    /// <summary>B-route password from the power company (12 characters in practice; 1..32).</summary>
    public string Password { get; set; } = "";

    /// <summary>B-route authentication ID (32 characters).</summary>
    public string RouteBId { get; set; } = "";

    /// <summary>Module family: <c>bp35a1</c> (and compatibles) or <c>bp35c0</c> (BP35C0/BP35C2: SIDE arguments).</summary>
    public string Module { get; set; } = "bp35a1";

    /// <summary>First active scan duration (0..14); longer scans follow while no PAN answers.</summary>
    public int ScanDurationFirst { get; set; } = 4;

    /// <summary>Longest active scan duration.</summary>
    public int ScanDurationMax { get; set; } = 7;

    /// <summary>Wait for the meter's answer to each request.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before trying to join again after a failed join (meter away, wrong credentials).</summary>
    public TimeSpan RejoinDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait after a failed read before asking again (at most the poll interval).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The meter object to read as six hex digits (class group, class, instance), e.g. <c>028801</c> (smart electric
    /// meter) or <c>028101</c> (water flow meter); empty: the first meter in the node's instance list.
    /// </summary>
    public string MeterEoj { get; set; } = "";

    /// <summary>Most days of half-hourly history fetched to fill one gap (the smart meter keeps 0-99).</summary>
    public int HistoryDays { get; set; } = 7;

    /// <summary>
    /// While a meter's fault (0x88) or abnormal value (0xE3) lasts, the alarm is stored again at most this often (with a
    /// read that still shows it); zero: only on changes.
    /// </summary>
    public TimeSpan StatusReminder { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Parses <see cref="MeterEoj"/>: six hex digits of a meter class (0x0281, 0x0282, 0x0288).</summary>
    public static bool TryParseEoj(string? text, out int eoj)
    {
        eoj = 0;
        if (text is not { Length: 6 } || !int.TryParse(text, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if ((value >> 8) is not (0x0281 or 0x0282 or 0x0288))
        {
            return false;
        }

        eoj = value;
        return true;
    }
}
