namespace Edge.Ingest.Analytics.Watch;

/// <summary>The wire names of <see cref="WelfareFindingKind"/> (API.md "Welfare").</summary>
public static class WelfareKindNames
{
    private static readonly (WelfareFindingKind Kind, string Name)[] _names =
    [
        (WelfareFindingKind.GoodMorning, "good-morning"),
        (WelfareFindingKind.NoMorningUse, "no-morning-use"),
        (WelfareFindingKind.NoUse, "no-use"),
        (WelfareFindingKind.NoUseEscalated, "no-use-escalated"),
        (WelfareFindingKind.ContinuousUse, "continuous-use"),
        (WelfareFindingKind.Suppressed, "suppressed"),
    ];

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. _names.Select(n => n.Name)];

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Name(WelfareFindingKind kind) => _names.First(n => n.Kind == kind).Name;

    /// <summary>The kind named <paramref name="name"/>; false for an unknown name.</summary>
    public static bool TryParse(string? name, out WelfareFindingKind kind)
    {
        foreach (var (k, n) in _names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
