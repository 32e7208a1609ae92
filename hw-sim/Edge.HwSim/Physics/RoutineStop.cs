namespace Edge.HwSim.Physics;

/// <summary>
/// An elderly resident whose routine stops: from <see cref="From"/> on, no use in the morning window
/// [<see cref="MorningFrom"/>, <see cref="MorningUntil"/>) of Japan local time (UTC+9), the sign the welfare watch's
/// "genki" rule looks for; with <see cref="AllDay"/>, no use at all (a fall, a hospital stay).
/// </summary>
/// <param name="From">The first moment without the routine.</param>
/// <param name="AllDay">Whether all of the household's use stops, not only the morning's.</param>
public sealed record RoutineStop(DateTimeOffset From, bool AllDay = false) : IWaterEvent
{
    private static readonly TimeSpan _japan = TimeSpan.FromHours(9);

    /// <summary>Start of the morning window, local time (default 04:00, the genki rule's start).</summary>
    public TimeSpan MorningFrom { get; init; } = TimeSpan.FromHours(4);

    /// <summary>End of the morning window, local time (default 12:00).</summary>
    public TimeSpan MorningUntil { get; init; } = TimeSpan.FromHours(12);

    /// <inheritdoc />
    public double HouseholdShare(DateTimeOffset hourStartUtc)
    {
        if (AllDay)
        {
            return 1 - HourSpan.Overlap(hourStartUtc, From, null);
        }

        // The local day's morning window that this hour can touch (an hour never spans two mornings).
        var local = hourStartUtc.ToOffset(_japan);
        var morningStart = new DateTimeOffset(local.Date, _japan) + MorningFrom;
        var morningEnd = new DateTimeOffset(local.Date, _japan) + MorningUntil;
        var start = morningStart > From ? morningStart : From;
        return start >= morningEnd ? 1 : 1 - HourSpan.Overlap(hourStartUtc, start, morningEnd);
    }
}
