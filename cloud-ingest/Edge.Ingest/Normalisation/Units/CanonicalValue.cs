namespace Edge.Ingest.Normalisation.Units;

/// <summary>A value in the canonical unit of its quantity, exact.</summary>
/// <param name="Quantity">What it measures.</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The canonical unit, with its Rec 20 code.</param>
public readonly record struct CanonicalValue(Quantity Quantity, decimal Value, CanonicalUnit Unit);
