namespace Edge.Uplink.Control;

/// <summary>
/// A gateway's desired configuration (CONTROL.md): set by the cloud, versioned, applied by the gateway all or nothing.
/// A profile left out (or a field of it left out) keeps the gateway's own configuration.
/// </summary>
/// <param name="Version">Set by the cloud, at least 1; a gateway ignores a document whose version is not above the one it applied.</param>
/// <param name="DisasterMode">The cloud's disaster switch.</param>
/// <param name="Normal">Settings outside disaster mode, or null.</param>
/// <param name="Disaster">Settings in disaster mode (from any source), or null.</param>
public sealed record DesiredConfig(long Version, DisasterModeSetting DisasterMode, ControlProfile? Normal, ControlProfile? Disaster)
{
    /// <summary>The profile that applies when disaster mode is <paramref name="on"/>.</summary>
    public ControlProfile? For(bool on) => on ? Disaster : Normal;
}
