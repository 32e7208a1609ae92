namespace Edge.Ingest.Analytics.Alarms;

/// <summary>The names of <see cref="AlarmKind"/> and <see cref="AlarmChangeKind"/> in the API and in storage (API.md).</summary>
public static class AlarmKindNames
{
    private static readonly Dictionary<AlarmKind, string> _names = new()
    {
        [AlarmKind.ContinuousLeak] = "continuous-leak",
        [AlarmKind.NightFlow] = "night-flow",
        [AlarmKind.Burst] = "burst",
        [AlarmKind.Backflow] = "backflow",
        [AlarmKind.Tamper] = "tamper",
        [AlarmKind.DryPipe] = "dry-pipe",
        [AlarmKind.LowBattery] = "low-battery",
        [AlarmKind.StuckMeter] = "stuck-meter",
        [AlarmKind.NoCommunication] = "no-communication",
        [AlarmKind.ConsumptionJump] = "consumption-jump",
        [AlarmKind.SuspectedPressureLoss] = AreaEvent.SuspectedPressureLoss,
        [AlarmKind.MeterFault] = "meter-fault",
        [AlarmKind.AbnormalValue] = "abnormal-value",
    };

    private static readonly Dictionary<string, AlarmKind> _kinds = _names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every kind's name, in enum order.</summary>
    public static IEnumerable<string> All => _names.Values;

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Name(AlarmKind kind) => _names[kind];

    /// <summary>The kind named <paramref name="name"/>.</summary>
    public static bool TryParse(string? name, out AlarmKind kind) => _kinds.TryGetValue(name ?? "", out kind);

    /// <summary>The name of a change: raised, confirmed, cleared or acknowledged.</summary>
    public static string Name(AlarmChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The change kind named <paramref name="name"/>.</summary>
    public static bool TryParse(string? name, out AlarmChangeKind kind)
    {
        foreach (var candidate in Enum.GetValues<AlarmChangeKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
