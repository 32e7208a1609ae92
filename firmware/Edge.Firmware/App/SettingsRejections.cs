namespace Edge.Firmware.App;

/// <summary>Why a configuration message from the gateway was not applied (<see cref="RemoteSettings.LastRejection"/>).</summary>
public static class SettingsRejections
{
    /// <summary>Applied (or nothing offered yet).</summary>
    public const int None = 0;

    /// <summary>Not a well-formed definite-length CBOR map with unsigned integer keys, or trailing bytes.</summary>
    public const int Malformed = 1;

    /// <summary>Key 1 (version), 2 (sampling) or 3 (reporting) missing, or a known key repeated.</summary>
    public const int MissingKey = 2;

    /// <summary>A known key with the wrong type (not an unsigned integer; key 4 not true/false).</summary>
    public const int WrongType = 3;

    /// <summary>Sampling outside 10..86400 s, reporting outside sampling..604800 s, or a version above 2^32 - 1.</summary>
    public const int OutOfRange = 4;

    /// <summary>A version lower than the one applied.</summary>
    public const int OlderVersion = 5;

    /// <summary>Longer than the device's receive buffer.</summary>
    public const int TooLarge = 6;
}
