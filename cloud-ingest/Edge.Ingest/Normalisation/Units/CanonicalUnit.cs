namespace Edge.Ingest.Normalisation.Units;

/// <summary>A canonical unit: the symbol stored beside each value and its UN/CEFACT Recommendation 20 common code.</summary>
/// <param name="Symbol">ASCII symbol as stored and sent in APIs, SenML style (RFC 8428 §12.1), e.g. <c>m3/h</c>.</param>
/// <param name="UneceCode">UN/CEFACT Recommendation 20 common code, e.g. <c>MQH</c>.</param>
/// <param name="Display">Symbol for people, e.g. <c>m³/h</c>.</param>
public sealed record CanonicalUnit(string Symbol, string UneceCode, string Display);
