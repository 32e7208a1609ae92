namespace Edge.Gateway.Tests.Links;

/// <summary>The link stack tests run ptys, relays and scaled time: one at a time, so their timing is not disturbed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LinksCollection
{
    public const string Name = "Links (scaled time, ptys, relays)";
}
