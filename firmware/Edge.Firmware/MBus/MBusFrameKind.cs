namespace Edge.Firmware.MBus;

/// <summary>Wired frame formats of EN 13757-2 §5 (FT 1.2 of IEC 60870-5-2).</summary>
public static class MBusFrameKind
{
    /// <summary>Not a frame (parse failed).</summary>
    public const int Invalid = 0;

    /// <summary>Single character 0xE5 (acknowledge).</summary>
    public const int SingleCharacter = 1;

    /// <summary>Short frame: 10 C A CS 16.</summary>
    public const int Short = 2;

    /// <summary>Control frame: long frame with L = 3 (no user data).</summary>
    public const int Control = 3;

    /// <summary>Long frame: 68 L L 68 C A CI data CS 16.</summary>
    public const int Long = 4;
}
