using Edge.Ingest.Json;

namespace Edge.Ingest.Apis.ThirdParty;

/// <summary>The readings of a valid document, or every defect with its JSON path (then no reading is taken).</summary>
/// <param name="Readings">The readings when the document is valid; else null.</param>
/// <param name="Source">The document's <c>source</c>, if any.</param>
/// <param name="Errors">The defects, at most <see cref="ThirdPartyReadingParser.MaxListedErrors"/> plus a count of the rest.</param>
public sealed record ThirdPartyParseResult(IReadOnlyList<ThirdPartyReading>? Readings, string? Source, IReadOnlyList<JsonPathError> Errors);
