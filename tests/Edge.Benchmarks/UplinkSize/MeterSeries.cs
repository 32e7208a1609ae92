namespace Edge.Benchmarks.UplinkSize;

/// <summary>The hourly register readings of one simulated meter: reading h is taken at start + h hours.</summary>
/// <param name="DeviceId">Device id, e.g. <c>pm-000001</c>.</param>
/// <param name="FirstSeq">Sequence number of reading 0; reading h has FirstSeq + h.</param>
/// <param name="RegisterLitres">Cumulative register in whole litres at each reading.</param>
internal sealed record MeterSeries(string DeviceId, long FirstSeq, long[] RegisterLitres);
