using Edge.HwSim.Fleet;

namespace Edge.HwSim.Tests.EndToEnd;

/// <summary>The exactly-once and right-volume checks shared by the end-to-end scenarios.</summary>
public static class FleetAssertions
{
    /// <summary>
    /// Every reading each meter's firmware took is in the ingest exactly once, in m³, and every value agrees
    /// with the simulated meter's ground truth: the last (taken after the water stopped) exactly, the hourly
    /// ones within the pulse detection latency (debounce plus bounce, well under 50 ms).
    /// </summary>
    public static async Task AllReadingsExactlyOnceAsync(PulseMeterFleet fleet, string ingestUrl, string readerKey)
    {
        using var http = new HttpClient();
        foreach (var node in fleet.Nodes)
        {
            var id = node.Config.DeviceId;
            var taken = node.Device.NextSeq - 1;
            var stored = await IngestReadings.GetAsync(http, ingestUrl, readerKey, id);

            Assert.True(stored.Count == taken, $"{id}: firmware took {taken} readings, ingest holds {stored.Count}");
            Assert.Equal(Enumerable.Range(1, (int)taken).Select(i => (long)i), stored.Select(r => r.Seq).Order());
            Assert.All(stored, r => Assert.Equal("m3", r.Unit));

            var litresPerPulse = node.Config.MillilitresPerPulse / 1000.0;
            foreach (var r in stored)
            {
                var t = r.ObservedAt.ToUnixTimeMilliseconds();
                var litres = r.ValueM3 * 1000;
                var low = node.Meter.PulsesBefore(t - 50) * litresPerPulse;
                var high = node.Meter.PulsesBefore(t + 1) * litresPerPulse;
                Assert.True(litres >= low - 1e-6 && litres <= high + 1e-6, $"{id} seq {r.Seq} at {r.ObservedAt:O}: {litres} L, ground truth {low}..{high} L");
            }

            var last = stored.MaxBy(r => r.Seq)!;
            Assert.Equal(node.Meter.PulsesEmitted * litresPerPulse, last.ValueM3 * 1000, 6);
        }
    }
}
