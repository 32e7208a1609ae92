namespace Edge.Gateway.Links.Iridium;

/// <summary>The answer to <c>AT+SBDWB</c> after the message and checksum (ISU AT Command Reference §8.12).</summary>
public enum SbdWriteStatus
{
    /// <summary>0: the message is in the MO buffer.</summary>
    Ok = 0,

    /// <summary>1: too few bytes arrived within 60 s (the modem sends no <c>OK</c> after this one).</summary>
    Timeout = 1,

    /// <summary>2: the checksum did not match the bytes the modem received.</summary>
    BadChecksum = 2,

    /// <summary>3: the length was outside 1..340 (9602/9603).</summary>
    BadSize = 3,
}
