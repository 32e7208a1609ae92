namespace Edge.Firmware.MBus;

/// <summary>CI field values handled (EN 13757-3 §5 table 2, EN 13757-4, OMS Vol. 2 table 16).</summary>
public static class MBusCi
{
    /// <summary>Application error from slave (EN 13757-3 §6.6).</summary>
    public const int ApplicationError = 0x70;

    /// <summary>Response, long transport header (12 bytes), variable data structure.</summary>
    public const int LongHeader = 0x72;

    /// <summary>Response, fixed data structure (EN 1434-3 legacy, least significant byte first).</summary>
    public const int FixedData = 0x73;

    /// <summary>Response, variable data structure, MSB first (EN 1434-3 legacy, not decoded).</summary>
    public const int LongHeaderMsbFirst = 0x76;

    /// <summary>Response without transport header.</summary>
    public const int NoHeader = 0x78;

    /// <summary>Compact frame without header (OMS format signature).</summary>
    public const int CompactNoHeader = 0x79;

    /// <summary>Response, short transport header (4 bytes).</summary>
    public const int ShortHeader = 0x7A;

    /// <summary>Extended link layer I (2 bytes).</summary>
    public const int EllShort = 0x8C;

    /// <summary>Extended link layer II (8 bytes, with session number and payload CRC for AES-CTR).</summary>
    public const int EllLong = 0x8D;

    /// <summary>Authentication and fragmentation layer.</summary>
    public const int Afl = 0x90;
}
