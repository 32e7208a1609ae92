namespace Edge.Ingest.Normalisation.Registers;

/// <summary>The classified move of a register between two readings.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="VolumeM3">Signed volume that passed, in m³; null when it cannot be known (replacement, out of range).</param>
/// <param name="Quality">How far the later reading can be trusted, with the reason.</param>
/// <param name="Description">What was seen, for operators (also when the quality is good).</param>
public sealed record RegisterStep(RegisterStepKind Kind, decimal? VolumeM3, QualityFlag Quality, string Description);
