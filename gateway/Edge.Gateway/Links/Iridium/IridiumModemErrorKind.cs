namespace Edge.Gateway.Links.Iridium;

/// <summary>Why a modem command failed.</summary>
public enum IridiumModemErrorKind
{
    /// <summary>No (complete) answer within the command's timeout.</summary>
    Timeout,

    /// <summary>The modem answered <c>ERROR</c>.</summary>
    CommandError,

    /// <summary>An answer that does not fit the command (bad format, bad MT checksum).</summary>
    Protocol,

    /// <summary>The serial port failed (unplugged adapter, hangup).</summary>
    Io,

    /// <summary>Not sent: the command and its answer could exceed the send's wire allowance (the link's budget).</summary>
    WireAllowance,
}
