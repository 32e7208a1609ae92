namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// The meters of one area in a fixed order: every per-hour array of the area rules is indexed like
/// <see cref="MeterIds"/>, so that a ward of 100,000 meters is evaluated without a lookup per meter.
/// </summary>
public sealed class AreaMeters
{
    /// <summary>Creates the list.</summary>
    /// <exception cref="ArgumentException">The area id is empty, or a meter id is empty or repeated.</exception>
    public AreaMeters(string areaId, IReadOnlyList<string> meterIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(areaId);
        ArgumentNullException.ThrowIfNull(meterIds);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in meterIds)
        {
            if (string.IsNullOrEmpty(id) || !seen.Add(id))
            {
                throw new ArgumentException($"Area '{areaId}': meter id '{id}' is empty or given twice.", nameof(meterIds));
            }
        }

        AreaId = areaId;
        MeterIds = [.. meterIds];
    }

    /// <summary>The area (JIS X 0402 code, 町丁目 or district metered area id).</summary>
    public string AreaId { get; }

    /// <summary>Meter ids; the index of each is its position in every per-hour array.</summary>
    public IReadOnlyList<string> MeterIds { get; }

    /// <summary>Number of meters.</summary>
    public int Count => MeterIds.Count;
}
