using Edge.Ingest.Json;

namespace Edge.Ingest.Registry;

/// <summary>The result of reading a seed file: the seed, or every defect with its JSON path.</summary>
/// <param name="Seed">The seed when the file had no defect; else null.</param>
/// <param name="Errors">The defects; empty when <paramref name="Seed"/> is set.</param>
public sealed record RegistrySeedResult(RegistrySeed? Seed, IReadOnlyList<JsonPathError> Errors);
