using Edge.Ingest.Normalisation.Units;

namespace Edge.Ingest.Export;

/// <summary>One normalised value of a sensor channel, in the canonical unit of its quantity.</summary>
/// <param name="Channel">Channel name.</param>
/// <param name="Quantity">What it measures.</param>
/// <param name="Value">Value in <see cref="CanonicalUnits.For"/> of <paramref name="Quantity"/>.</param>
public sealed record ObservedValue(string Channel, Quantity Quantity, decimal Value);
