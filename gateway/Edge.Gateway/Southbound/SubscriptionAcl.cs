namespace Edge.Gateway.Southbound;

/// <summary>
/// What a device may subscribe to on the gateway's broker: only topic filters under its own <c>edge/v1/{id}/</c>
/// (its config topic, firmware/FRAME.md "Device configuration"). The id level must be the device's own id written out:
/// a wildcard there (<c>edge/v1/+/config</c>, <c>#</c>) would reach other devices' settings, and shared subscriptions
/// (<c>$share/...</c>, MQTT 5 §4.8.2) and <c>$SYS</c> topics are refused too.
/// </summary>
internal static class SubscriptionAcl
{
    /// <summary>True when <paramref name="deviceId"/> may subscribe to <paramref name="filter"/>.</summary>
    public static bool Allows(string? deviceId, string? filter)
    {
        if (string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(filter))
        {
            return false;
        }

        // MQTT 3.1.1 §4.7.1: levels split on '/'; a level after the id must exist (the bare prefix is not a topic of ours).
        var levels = filter.Split('/');
        return levels is ["edge", "v1", var id, _, ..] && string.Equals(id, deviceId, StringComparison.Ordinal);
    }
}
