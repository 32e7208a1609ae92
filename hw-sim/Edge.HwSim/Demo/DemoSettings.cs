namespace Edge.HwSim.Demo;

/// <summary>What the demo command was asked to do.</summary>
public sealed class DemoSettings
{
    /// <summary>Number of simulated meters.</summary>
    public int Meters { get; init; } = 50;

    /// <summary>Real time to run; null runs until Ctrl-C (or <see cref="SimulatedHours"/>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Simulated hours to run; null runs until Ctrl-C or <see cref="Duration"/>.</summary>
    public int? SimulatedHours { get; init; }

    /// <summary>Simulated hours per real second.</summary>
    public double HoursPerSecond { get; init; } = 2;

    /// <summary>Folder for all data.</summary>
    public required string DataDir { get; init; }

    /// <summary>Seed of the fleet.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Keep the ingest serving after the simulation, until Ctrl-C.</summary>
    public bool KeepServing { get; init; }
}
