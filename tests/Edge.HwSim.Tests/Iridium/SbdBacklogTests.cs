using System.Diagnostics;
using System.Globalization;
using Edge.Gateway.Links;
using Edge.Gateway.Links.Iridium;
using Edge.HwSim.Iridium;
using Edge.HwSim.Tests.EndToEnd;
using Edge.Uplink;
using Xunit.Abstractions;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>Issue 6: a 50 kB backlog crosses the virtual 9603 in ≤ 340-byte messages despite failing sessions.</summary>
[Collection(IridiumCollection.Name)]
public sealed class SbdBacklogTests(IngestFixture ingest, ITestOutputHelper output) : IClassFixture<IngestFixture>
{
    private const int Batches = 5;
    private const int Devices = 10;
    private const int ReadingsPerDevice = 350;

    [Fact]
    public async Task SendAsync_50kBBacklogWithSessionFailuresAndSignalChanges_ArrivesWholeAndInOrder()
    {
        var prefix = "sbd-" + Guid.NewGuid().ToString("N")[..8];
        var firstSequence = Random.Shared.NextInt64(1, 1L << 40);
        var backlog = Enumerable.Range(0, Batches)
            .Select(k => TestBatches.Build(ingest.GatewayId, firstSequence + k, prefix, Devices, ReadingsPerDevice, 1 + ((long)k * ReadingsPerDevice), seed: 100 + k))
            .ToList();
        var backlogBytes = backlog.Sum(b => b.Body.Length);
        Assert.True(backlogBytes >= 50_000, $"backlog is only {backlogBytes} bytes");

        await using var rig = new LinkRig(ingest, new Virtual9603Options
        {
            FailureRate = 0.2,
            FailureCodes = [10, 13, 17, 18, 19, 35, 36],
            SignalChangeInterval = TimeSpan.FromMinutes(10),
            Seed = 42,
        });
        var maxMessage = 0;
        var delivered = new List<byte[]>();
        rig.Modem.Modem.MoReceived += (_, m) =>
        {
            maxMessage = Math.Max(maxMessage, m.Payload.Length);
            lock (delivered)
            {
                delivered.Add(m.Payload);
            }
        };
        var clock = Stopwatch.StartNew();
        var attempts = 0;

        // As the uplink does: oldest batch first, the next only after the ingest acknowledged this one.
        foreach (var batch in backlog)
        {
            LinkResult result;
            do
            {
                attempts++;
                result = await rig.Link.SendAsync(batch, CancellationToken.None);
                Assert.NotEqual(LinkOutcome.Refused, result.Outcome);
            }
            while (result.Outcome != LinkOutcome.Acknowledged && attempts < 100);

            Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        }

        clock.Stop();
        Assert.True(maxMessage <= 340, $"an MO message had {maxMessage} bytes");
        Assert.Equal(backlog.Select(b => b.Sequence), rig.Endpoint.Posted.Distinct());
        Assert.True(rig.Modem.Modem.FailedSessions > 0, "no session failed: the test did not test retries");
        await AssertStoredAsync(prefix, backlog);

        var modem = rig.Modem.Modem;
        Assert.Equal(modem.WireBytes, rig.Modem.Driver.WireBytes);
        // Every MO byte is a fragment; the distinct fragments are the backlog plus one header each. A whole-batch
        // resend (no ack in time, or a resume window passed under load) repeats fragments: counted, not hidden.
        Assert.Equal(delivered.Sum(m => (long)m.Length), modem.MoBytes);
        var fragments = delivered.Select(m => Assert.IsType<SbdFragment>(SbdFragment.TryParse(m, out var f) ? f : null)).ToList();
        var distinct = fragments.DistinctBy(f => (f.TransferId, f.Index)).ToList();
        Assert.Equal(backlogBytes + (distinct.Count * SbdFragment.HeaderBytes), distinct.Sum(f => f.Payload.Length + SbdFragment.HeaderBytes));
        Assert.Equal(backlogBytes, distinct.Sum(f => f.Payload.Length));
        var statuses = modem.SessionStatuses.Where(s => s != 0).GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backlog: {Batches} batches, {backlogBytes} bytes encoded, {Batches * Devices * ReadingsPerDevice} readings"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MO messages delivered: {modem.MoDelivered} (largest {maxMessage} bytes, {fragments.Count - distinct.Count} repeated by resends); send attempts: {attempts}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sessions: {modem.Sessions}, failed: {modem.FailedSessions} ({string.Join(", ", statuses)}); +CSQ queries: {modem.SignalQueries}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serial wire: {modem.WireBytes} bytes ({modem.BytesFromDriver} driver→modem, {modem.BytesToDriver} modem→driver), {(double)modem.WireBytes / backlogBytes:F3} × the backlog"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"over the air: {modem.MoBytes} MO bytes in {modem.MoDelivered} messages, {modem.MtBytes} MT bytes ({modem.MtBytes / SbdAck.Bytes} acknowledgements)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulated time: {rig.Modem.Time.Elapsed}; real time: {clock.Elapsed}"));
    }

    private async Task AssertStoredAsync(string prefix, List<OutboundBatch> backlog)
    {
        using var http = new HttpClient();
        var batches = backlog.Select(b => BatchCodec.Decode(b.Body)).ToList();
        for (var d = 0; d < Devices; d++)
        {
            var deviceId = TestBatches.DeviceId(prefix, d);
            var expected = batches.SelectMany(b => b.Devices.Single(r => r.DeviceId == deviceId).Channels[0].Points).ToList();
            var stored = await IngestReadings.GetAsync(http, ingest.Url, ingest.ReaderKey, deviceId);
            Assert.Equal(expected.Select(p => p.Seq), stored.Select(r => r.Seq));

            // Volume mantissas are litres × 1000 (scale 3); the ingest stores m³: mantissa / 1,000,000.
            Assert.All(expected.Zip(stored), pair => Assert.Equal(pair.First.Mantissa / 1_000_000.0, pair.Second.ValueM3, 9));
        }
    }
}
