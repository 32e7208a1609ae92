namespace Edge.Uplink.Control;

/// <summary>
/// A link's policy while the profile applies. When <see cref="DailyBytes"/> or <see cref="MonthlyBytes"/> is set the link
/// counts against a separate budget of its own (the emergency budget), not against its ordinary one.
/// </summary>
/// <param name="Allow">Classes the link carries (<see cref="ControlLimits.TrafficClasses"/>), or null to keep its own.</param>
/// <param name="DailyBytes">Separate budget per day in wire bytes (0: no daily limit), or null.</param>
/// <param name="MonthlyBytes">Separate budget per month in wire bytes (0: no monthly limit), or null.</param>
public sealed record LinkOverride(IReadOnlyList<string>? Allow, long? DailyBytes, long? MonthlyBytes)
{
    /// <summary>True when the override brings its own budget.</summary>
    public bool HasBudget => DailyBytes is not null || MonthlyBytes is not null;
}
