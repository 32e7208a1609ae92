using Edge.HwSim.Physics;

namespace Edge.HwSim.Scenarios;

/// <summary>
/// An earthquake that breaks the mains of part of a ward at <see cref="At"/>: every meter it is applied to reads zero
/// from then on, until crews restore supply. Restoration spreads outward from <see cref="Source"/> (the purification
/// plant or reservoir the repaired mains are fed from): the nearest meter gets water back at
/// <c>At + RestorationStarts</c>, the farthest at <c>At + RestorationEnds</c> (two days by default), the others
/// linearly by their rank in distance (ties by device id), so the order is deterministic.
/// </summary>
/// <param name="At">When the mains break.</param>
/// <param name="Source">Latitude and longitude where restoration starts.</param>
public sealed record Earthquake(DateTimeOffset At, (double Latitude, double Longitude) Source)
{
    /// <summary>Time from the quake until the first meter has water again.</summary>
    public TimeSpan RestorationStarts { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Time from the quake until the last meter has water again (issue 8: over two days).</summary>
    public TimeSpan RestorationEnds { get; init; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Cuts the supply of <paramref name="meters"/> and schedules their restoration; returns when each gets water
    /// back, in the order given.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> ApplyTo(IReadOnlyList<ScenarioMeter> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        if (RestorationEnds < RestorationStarts || RestorationStarts < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Restoration must start after the quake and end after it starts.");
        }

        var order = Enumerable.Range(0, meters.Count)
            .OrderBy(i => SquaredDistance(meters[i]))
            .ThenBy(i => meters[i].DeviceId, StringComparer.Ordinal)
            .ToArray();
        var restored = new DateTimeOffset[meters.Count];
        var span = RestorationEnds - RestorationStarts;
        for (var rank = 0; rank < order.Length; rank++)
        {
            var share = order.Length == 1 ? 0 : (double)rank / (order.Length - 1);
            var at = At + RestorationStarts + TimeSpan.FromSeconds(Math.Round(span.TotalSeconds * share));
            restored[order[rank]] = at;
            meters[order[rank]].Premises.Add(new SupplyCut(At, at));
        }

        return restored;
    }

    // Equirectangular: within a ward, the order by this equals the order by true distance closely enough.
    private double SquaredDistance(ScenarioMeter meter)
    {
        var dLat = meter.Latitude - Source.Latitude;
        var dLon = (meter.Longitude - Source.Longitude) * Math.Cos(Source.Latitude * Math.PI / 180);
        return (dLat * dLat) + (dLon * dLon);
    }
}
