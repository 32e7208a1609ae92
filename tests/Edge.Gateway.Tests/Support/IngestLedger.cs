using Edge.Uplink;

namespace Edge.Gateway.Tests.Support;

/// <summary>What the stand-in ingest acknowledged (status 200), flattened for counting.</summary>
internal static class IngestLedger
{
    /// <summary>Batches answered 200, in the order they arrived.</summary>
    public static List<Batch> Acknowledged(FakeIngest ingest) =>
        [.. ingest.Received.Where(r => r.Status == 200).Select(r => r.Batch ?? throw new InvalidOperationException(r.DecodeError))];

    /// <summary>Every acknowledged reading as (device, seq), duplicates kept.</summary>
    public static List<(string Device, long Seq)> Readings(IEnumerable<Batch> batches) =>
        [.. batches.SelectMany(b => b.Devices).SelectMany(d => d.Channels.SelectMany(c => c.Points).Select(p => (d.DeviceId, p.Seq)))];

    /// <summary>Every acknowledged gap record.</summary>
    public static List<GapRecord> Gaps(IEnumerable<Batch> batches) => [.. batches.SelectMany(b => b.Gaps)];

    /// <summary>Readings a gap record reports lost for <paramref name="device"/> (reasons of the reading classes).</summary>
    public static long ReadingsLost(IEnumerable<GapRecord> gaps, string device) => gaps
        .Where(g => g.DeviceIds.Contains(device) && (g.Reason.EndsWith(":reading", StringComparison.Ordinal) || g.Reason.EndsWith(":backfill", StringComparison.Ordinal)))
        .Sum(g => g.DeviceIds.Count == 1 ? g.Count : throw new InvalidOperationException("a reading gap names several devices"));
}
