namespace Edge.HwSim.Tests.Iridium;

/// <summary>Iridium tests open ptys and sockets: run them alone, so descriptor-counting serial tests are not disturbed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IridiumCollection
{
    public const string Name = "Iridium (virtual 9603 on a pty)";
}
