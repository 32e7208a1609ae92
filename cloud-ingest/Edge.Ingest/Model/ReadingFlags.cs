namespace Edge.Ingest.Model;

/// <summary>
/// The device status bits a reading carries as sent (firmware/FRAME.md, "Flags"); stored as is in every reading's
/// <c>flags</c>.
/// </summary>
[Flags]
public enum ReadingFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Reverse flow was counted since the previous reading (the register counted down).</summary>
    Reverse = 1,

    /// <summary>The tamper input fired (latched until cleared by provisioning).</summary>
    Tamper = 2,

    /// <summary>The device's buffer overflowed and readings before this one were overwritten unsent.</summary>
    LostBefore = 4,

    /// <summary>First reading after a reboot.</summary>
    Reboot = 8,

    /// <summary>Supply below the configured threshold.</summary>
    LowBattery = 16,
}
