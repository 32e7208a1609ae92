namespace Edge.Gateway.Links.Iridium;

/// <summary>Checks <see cref="IridiumLinkOptions"/> for the gateway's options validator (only when a port is set).</summary>
internal static class IridiumLinkOptionsCheck
{
    private const string Section = "Edge:Gateway:Links:Iridium";

    /// <summary>Adds a message to <paramref name="errors"/> for every setting that cannot work.</summary>
    public static void Validate(IridiumLinkOptions options, List<string> errors)
    {
        if (string.IsNullOrEmpty(options.Port))
        {
            return;
        }

        // A fragment needs its 6-byte header and at least one byte; the 9602/9603 takes at most 340 (§8.12).
        if (options.MaxMessageBytes is < SbdFragment.HeaderBytes + 1 or > IridiumModem.MaxMoBytes)
        {
            errors.Add($"{Section}:MaxMessageBytes must be {SbdFragment.HeaderBytes + 1}..{IridiumModem.MaxMoBytes}");
        }

        if (options.MinSignalBars is < 0 or > 5)
        {
            errors.Add($"{Section}:MinSignalBars must be 0..5 (+CSQ bars)");
        }

        if (options.MaxSessionFailures < 1)
        {
            errors.Add($"{Section}:MaxSessionFailures must be at least 1");
        }

        Positive(errors, options.MinBackoff, "MinBackoff");
        Positive(errors, options.SignalPollInterval, "SignalPollInterval");
        Positive(errors, options.AckTimeout, "AckTimeout");
        Positive(errors, options.Modem.CommandTimeout, "Modem:CommandTimeout");
        Positive(errors, options.Modem.SessionTimeout, "Modem:SessionTimeout");
        if (options.MaxBackoff < options.MinBackoff)
        {
            errors.Add($"{Section}:MaxBackoff must not be shorter than MinBackoff");
        }
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{key} must be positive");
        }
    }
}
