namespace Edge.Uplink.Control;

/// <summary>The cloud's disaster switch.</summary>
/// <param name="On">Disaster mode on.</param>
/// <param name="Since">When the operator switched it, or null.</param>
/// <param name="Reason">Why, for the log and the report (at most <see cref="ControlLimits.MaxReasonChars"/> characters), or null.</param>
public sealed record DisasterModeSetting(bool On, DateTimeOffset? Since, string? Reason);
