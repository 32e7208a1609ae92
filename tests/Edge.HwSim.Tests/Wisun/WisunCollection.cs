namespace Edge.HwSim.Tests.Wisun;

/// <summary>Wi-SUN tests run a pty and scaled time: alone, so load from other tests does not stretch simulated time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WisunCollection
{
    public const string Name = "Wi-SUN (virtual module on a pty)";
}
