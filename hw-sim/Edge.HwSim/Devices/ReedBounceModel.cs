namespace Edge.HwSim.Devices;

/// <summary>
/// Contact bounce of a reed switch: after a level change the contact chatters a few times within about a
/// millisecond and a half before it settles (typical reed switch bounce is 0.1-1 ms per chatter).
/// </summary>
/// <param name="MaxChatters">Largest number of extra open/close pairs after a change.</param>
/// <param name="MaxBounceMs">Longest time the chatter lasts.</param>
public sealed record ReedBounceModel(int MaxChatters = 3, double MaxBounceMs = 1.5)
{
    /// <summary>No bounce at all (an ideal contact).</summary>
    public static ReedBounceModel None { get; } = new(0, 0);
}
