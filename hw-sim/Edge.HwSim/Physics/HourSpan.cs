namespace Edge.HwSim.Physics;

/// <summary>How much of one hour lies inside a time span: the physical events act for part of an hour.</summary>
public static class HourSpan
{
    /// <summary>
    /// The fraction (0..1) of the hour beginning at <paramref name="hourStartUtc"/> that lies in
    /// [<paramref name="from"/>, <paramref name="until"/>); a null <paramref name="until"/> never ends.
    /// </summary>
    public static double Overlap(DateTimeOffset hourStartUtc, DateTimeOffset from, DateTimeOffset? until)
    {
        var hourEnd = hourStartUtc.AddHours(1);
        var start = from > hourStartUtc ? from : hourStartUtc;
        var end = until is { } u && u < hourEnd ? u : hourEnd;
        return end <= start ? 0 : (end - start).TotalSeconds / 3600.0;
    }
}
