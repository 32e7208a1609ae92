namespace Edge.HwSim.Iridium;

/// <summary>Behaviour of the <see cref="Virtual9603"/>.</summary>
public sealed class Virtual9603Options
{
    /// <summary>The modem's IMEI (the endpoint's source key).</summary>
    public string Imei { get; init; } = "300434060000010";

    /// <summary>Shortest SBD session (simulated time). Real sessions take roughly 6 to 20 s.</summary>
    public TimeSpan SessionLatencyMin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest SBD session (simulated time).</summary>
    public TimeSpan SessionLatencyMax { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Share of sessions (with signal ≥ 2) that fail with one of <see cref="FailureCodes"/>; doubled at 1 bar.</summary>
    public double FailureRate { get; init; }

    /// <summary>MO status codes drawn for injected failures (ISU AT Command Reference §10.14).</summary>
    public IReadOnlyList<int> FailureCodes { get; init; } = [10, 13, 17, 18, 19, 35];

    /// <summary>Signal at power-up, 0..5 bars.</summary>
    public int InitialSignalBars { get; init; } = 4;

    /// <summary>When set, the signal takes a random step (−1, 0, +1) this often; null keeps it where it is set.</summary>
    public TimeSpan? SignalChangeInterval { get; init; }

    /// <summary>Seed of the random draws (latency, failures, signal), so a scenario can be replayed.</summary>
    public int Seed { get; init; } = 9603;

    /// <summary>Largest MO message: 340 bytes on the 9602/9603.</summary>
    public int MaxMoBytes { get; init; } = 340;

    /// <summary>How long +SBDWB waits for the message bytes before answering 1 (60 s, ISU AT Command Reference §8.12).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
