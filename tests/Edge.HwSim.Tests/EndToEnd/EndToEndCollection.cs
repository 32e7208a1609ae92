namespace Edge.HwSim.Tests.EndToEnd;

/// <summary>End-to-end scenarios run one at a time: each runs a fleet, a gateway and an ingest.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
