namespace Edge.Gateway.Radio;

/// <summary>A meter of a serial input: its id and, for encrypted meters, its AES-128 key.</summary>
public sealed class MeterKeyOptions
{
    /// <summary><c>MFR-12345678</c> (manufacturer letters and the 8-digit id) or <c>12345678</c> (any manufacturer).</summary>
    public string Id { get; set; } = "";

    /// <summary>32 hex digits, or empty for a meter that sends in clear.</summary>
    public string Key { get; set; } = "";
}
