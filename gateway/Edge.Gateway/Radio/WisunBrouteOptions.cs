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

    /// <summary>
    /// Raw request frames (hex) sent to the meter each poll, until the ECHONET Lite requester builds them
    /// (see <see cref="IWisunPayloadHandler.RequestsForPoll"/>).
    /// </summary>
    public List<string> PollRequests { get; set; } = [];
}
