namespace Edge.Ingest.Storage;

/// <summary>
/// Turns quarantine counts per (device, batch) into counts per (device, gateway). Readings keep the batch id, not the
/// gateway id; the batch id is <c>gateway/sequence</c> (<see cref="BatchWrite.Format"/>), so the gateway is everything
/// before the last slash.
/// </summary>
internal static class QuarantineRows
{
    public static IReadOnlyList<QuarantinedDevice> Merge(
        IEnumerable<(string DeviceId, string BatchId, long Count, long First, long Last)> rows)
    {
        var merged = new SortedDictionary<(string, string), QuarantinedDevice>(
            Comparer<(string, string)>.Create((a, b) =>
            {
                var byDevice = string.CompareOrdinal(a.Item1, b.Item1);
                return byDevice != 0 ? byDevice : string.CompareOrdinal(a.Item2, b.Item2);
            }));
        foreach (var (deviceId, batchId, count, first, last) in rows)
        {
            var slash = batchId.LastIndexOf('/');
            var gatewayId = slash < 0 ? batchId : batchId[..slash];
            merged[(deviceId, gatewayId)] = merged.TryGetValue((deviceId, gatewayId), out var known)
                ? known with
                {
                    Readings = known.Readings + count,
                    FirstObservedUnixMs = Math.Min(known.FirstObservedUnixMs, first),
                    LastObservedUnixMs = Math.Max(known.LastObservedUnixMs, last),
                }
                : new QuarantinedDevice(deviceId, gatewayId, count, first, last);
        }

        return [.. merged.Values];
    }
}
