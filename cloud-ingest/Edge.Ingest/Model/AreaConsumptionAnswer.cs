namespace Edge.Ingest.Model;

/// <summary>Answer of <c>GET /v1/areas/{code}/consumption</c>.</summary>
/// <param name="AreaCode">Five-digit JIS X 0402 code.</param>
/// <param name="Interval">hour, day or month.</param>
/// <param name="Meters">Water meters registered in the area.</param>
/// <param name="Intervals">The intervals in time order.</param>
public sealed record AreaConsumptionAnswer(string AreaCode, string Interval, int Meters, IReadOnlyList<AreaPeriod> Intervals);
