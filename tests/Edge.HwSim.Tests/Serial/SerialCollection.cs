namespace Edge.HwSim.Tests.Serial;

/// <summary>
/// Pty tests run alone: they count this process's open descriptors, which any test running beside them
/// would change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (pseudo-terminals)";

    /// <summary>Open descriptors of this process.</summary>
    public static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
