namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The answer to <c>AT+SBDIX</c>/<c>AT+SBDIXA</c>: <c>+SBDIX: &lt;MO status&gt;, &lt;MOMSN&gt;, &lt;MT status&gt;,
/// &lt;MTMSN&gt;, &lt;MT length&gt;, &lt;MT queued&gt;</c> (ISU AT Command Reference §10.14).
/// </summary>
/// <param name="MoStatus">0..4 success, otherwise a failure code (<see cref="SbdMoStatus"/>).</param>
/// <param name="Momsn">MO message sequence number (wraps at 65535); incremented by every successful session.</param>
/// <param name="MtStatus">0 no MT message, 1 one received into the MT buffer, 2 mailbox check or reception failed.</param>
/// <param name="Mtmsn">MT message sequence number, meaningful when <paramref name="MtStatus"/> is 1.</param>
/// <param name="MtLength">Bytes of the MT message received, 0 if none.</param>
/// <param name="MtQueued">MT messages still waiting at the Iridium gateway.</param>
public sealed record SbdSessionResult(int MoStatus, int Momsn, int MtStatus, int Mtmsn, int MtLength, int MtQueued)
{
    /// <summary>The MO message, if any, reached the Iridium gateway.</summary>
    public bool MoSucceeded => SbdMoStatus.IsSuccess(MoStatus);

    /// <summary>An MT message is waiting in the modem's MT buffer (read it with <c>AT+SBDRB</c>).</summary>
    public bool MtReceived => MtStatus == 1;

    /// <summary>Parses the text after <c>+SBDIX:</c>.</summary>
    /// <exception cref="FormatException">Not six comma-separated integers.</exception>
    public static SbdSessionResult Parse(string fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var parts = fields.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 6)
        {
            throw new FormatException($"+SBDIX needs 6 fields, got '{fields}'");
        }

        var v = new int[6];
        for (var i = 0; i < 6; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out v[i]))
            {
                throw new FormatException($"+SBDIX field {i} is not a number: '{fields}'");
            }
        }

        return new SbdSessionResult(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
