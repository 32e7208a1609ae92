namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// An area's normal week (issue 8 "Baseline"): per local hour of the week, the median area volume and which meters
/// normally use water then. Build it with <see cref="AreaBaselineBuilder"/>, or set slots directly.
/// </summary>
public sealed class AreaBaseline
{
    private readonly decimal?[] _median = new decimal?[HourOfWeek.Count];
    private readonly bool[]?[] _active = new bool[]?[HourOfWeek.Count];

    /// <summary>Creates an empty baseline (no slot known) for <paramref name="meters"/>.</summary>
    public AreaBaseline(AreaMeters meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meters = meters;
    }

    /// <summary>The area's meters.</summary>
    public AreaMeters Meters { get; }

    /// <summary>Sets slot <paramref name="slot"/>: the median volume and the normally active meters (indexed like <see cref="AreaMeters.MeterIds"/>).</summary>
    /// <exception cref="ArgumentException">The slot is outside 0-167, the volume negative, or the flags not one per meter.</exception>
    public void Set(int slot, decimal medianVolumeM3, IReadOnlyList<bool> normallyActive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, HourOfWeek.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(medianVolumeM3);
        ArgumentNullException.ThrowIfNull(normallyActive);
        if (normallyActive.Count != Meters.Count)
        {
            throw new ArgumentException($"Slot {slot}: {normallyActive.Count} activity flags for {Meters.Count} meters.", nameof(normallyActive));
        }

        _median[slot] = medianVolumeM3;
        _active[slot] = [.. normallyActive];
    }

    /// <summary>The median area volume of <paramref name="slot"/>, or null when the slot has no baseline.</summary>
    public decimal? MedianVolumeM3(int slot) => _median[slot];

    /// <summary>Whether meter <paramref name="meter"/> is normally active in <paramref name="slot"/>.</summary>
    public bool IsNormallyActive(int slot, int meter) => _active[slot] is { } active && active[meter];

    /// <summary>Number of normally active meters in <paramref name="slot"/>.</summary>
    public int ActiveCount(int slot) => _active[slot] is { } active ? active.Count(a => a) : 0;

    internal bool[]? ActiveFlags(int slot) => _active[slot];
}
