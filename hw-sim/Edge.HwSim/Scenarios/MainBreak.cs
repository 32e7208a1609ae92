using Edge.HwSim.Physics;

namespace Edge.HwSim.Scenarios;

/// <summary>
/// A broken main in one area: while it is open (<see cref="From"/> to <see cref="Until"/>) the meters it feeds
/// deliver nothing and water siphons back through them at <see cref="LitresPerHour"/> each (<see cref="Backflow"/>).
/// Three or more backflowing meters of one area in one hour is what the ingest calls "suspected pressure loss".
/// </summary>
/// <param name="From">When the main breaks.</param>
/// <param name="Until">When it is repaired and pressure is back.</param>
/// <param name="LitresPerHour">Reverse flow through each meter.</param>
public sealed record MainBreak(DateTimeOffset From, DateTimeOffset Until, double LitresPerHour)
{
    /// <summary>Schedules the backflow on <paramref name="meters"/>.</summary>
    public void ApplyTo(IEnumerable<ScenarioMeter> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        foreach (var meter in meters)
        {
            meter.Premises.Add(new Backflow(From, Until, LitresPerHour));
        }
    }
}
