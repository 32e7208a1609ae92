namespace Edge.Gateway.Links.Routing;

/// <summary>A link's health as link choice sees it.</summary>
public enum LaneState
{
    /// <summary>Never tried: used as if healthy.</summary>
    Unknown,

    /// <summary>Healthy: no failure yet, or healthy for the policy's hysteresis since the last one.</summary>
    Up,

    /// <summary>Healthy again after a failure, not yet for the hysteresis: alarms only.</summary>
    Recovering,

    /// <summary>The last send or probe failed.</summary>
    Down,
}
