namespace Edge.Uplink.Control;

/// <summary>
/// The control messages on the Iridium SBD path (CONTROL.md, beside SBD-FRAGMENTS.md's fragments 0xE1 and acks 0xA1):
/// MT <c>0xC1</c> + the desired document's compact JSON (at most 270 bytes in all), MO <c>0xC2</c> + the reported
/// state's compact JSON (at most 340 bytes).
/// </summary>
public static class ControlMessage
{
    /// <summary>First byte of a desired-configuration MT message.</summary>
    public const byte DesiredMarker = 0xC1;

    /// <summary>First byte of a reported-state MO message.</summary>
    public const byte ReportedMarker = 0xC2;

    /// <summary>The MT message for <paramref name="config"/>; throws <see cref="ArgumentException"/> when it does not fit in 270 bytes.</summary>
    public static byte[] Desired(DesiredConfig config)
    {
        var json = DesiredConfigJson.Write(config);
        if (json.Length + 1 > ControlLimits.MaxMtBytes)
        {
            throw new ArgumentException(
                $"desired version {config.Version} is {json.Length + 1} bytes as an MT message; Iridium carries at most {ControlLimits.MaxMtBytes}", nameof(config));
        }

        return [DesiredMarker, .. json];
    }

    /// <summary>The MO message for <paramref name="state"/>; throws <see cref="ArgumentException"/> when it does not fit in 340 bytes.</summary>
    public static byte[] Reported(ReportedState state)
    {
        var json = ReportedStateJson.Write(state);
        if (json.Length + 1 > ControlLimits.MaxMoBytes)
        {
            throw new ArgumentException($"the report is {json.Length + 1} bytes as an MO message; at most {ControlLimits.MaxMoBytes}", nameof(state));
        }

        return [ReportedMarker, .. json];
    }

    /// <summary>True when <paramref name="message"/> starts with <paramref name="marker"/>; <paramref name="json"/> is the rest.</summary>
    public static bool TryUnwrap(byte[] message, byte marker, out byte[] json)
    {
        ArgumentNullException.ThrowIfNull(message);
        json = message.Length > 1 && message[0] == marker ? message[1..] : [];
        return json.Length > 0;
    }
}
