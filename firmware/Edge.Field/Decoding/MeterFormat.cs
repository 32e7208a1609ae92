namespace Edge.Field.Decoding;

/// <summary>The frame formats <c>edge-field decode --format</c> accepts.</summary>
public static class MeterFormat
{
    /// <summary>Our device frames: SenML in CBOR (firmware/FRAME.md), the default.</summary>
    public const string Senml = "senml";

    /// <summary>Wireless M-Bus / OMS (EN 13757-4), with or without format A/B link CRCs.</summary>
    public const string WMBus = "wmbus";

    /// <summary>Wired M-Bus long frames (EN 13757-2).</summary>
    public const string MBus = "mbus";

    /// <summary>ECHONET Lite frames (EHD 0x1081 specified or 0x1082 arbitrary format).</summary>
    public const string Echonet = "echonet";
}
