using Edge.Gateway.Links;
using Edge.Gateway.Links.Iridium;
using Edge.HwSim.Iridium;
using Edge.HwSim.Tests.EndToEnd;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>The satellite link end to end: fragments over the virtual 9603, the endpoint, the real ingest, the MT acknowledgement.</summary>
[Collection(IridiumCollection.Name)]
public sealed class IridiumSbdLinkTests(IngestFixture ingest) : IClassFixture<IngestFixture>
{
    private readonly string _prefix = "sbd-" + Guid.NewGuid().ToString("N")[..8];
    private readonly long _sequence = Random.Shared.NextInt64(1, 1L << 40);

    [Fact]
    public async Task SendAsync_SmallBatch_OneFragmentAndAcknowledgedAfterIngestStoredIt()
    {
        await using var rig = new LinkRig(ingest, new Virtual9603Options());
        var batch = TestBatches.Build(ingest.GatewayId, _sequence, _prefix, 1, 10, 1, seed: 1);
        Assert.True(batch.Body.Length <= 334);

        var result = await rig.Link.SendAsync(batch, CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.Equal([_sequence], rig.Endpoint.Posted);
        Assert.Equal(1, rig.Modem.Modem.MoDelivered);
        Assert.Equal(rig.Modem.Modem.WireBytes, result.WireBytes);
        Assert.Equal(LinkState.Up, rig.Link.Health.State);
        using var http = new HttpClient();
        var stored = await IngestReadings.GetAsync(http, ingest.Url, ingest.ReaderKey, TestBatches.DeviceId(_prefix, 0));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), stored.Select(r => r.Seq));
    }

    [Fact]
    public async Task SendAsync_EverySecondSessionFails_RetriesUntilEachFragmentIsThrough()
    {
        // Seeded: with FailureRate 0.5 the modem fails about every second session with 18 (RF drop).
        await using var rig = new LinkRig(ingest, new Virtual9603Options { FailureRate = 0.5, FailureCodes = [18], Seed = 5 });
        var batch = TestBatches.Build(ingest.GatewayId, _sequence, _prefix, 2, 200, 1, seed: 2);

        var result = await rig.Link.SendAsync(batch, CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.True(rig.Modem.Modem.FailedSessions > 0);
        Assert.Equal(rig.Modem.Modem.FailedSessions, rig.Link.FailedSessions);
        var fragments = (batch.Body.Length + 333) / 334;
        Assert.Equal(fragments, rig.Modem.Modem.MoDelivered);
        Assert.Equal([_sequence], rig.Endpoint.Posted);
    }

    [Fact]
    public async Task SendAsync_NoSignal_OnlyPollsCsqUntilSignalReturns()
    {
        await using var rig = new LinkRig(ingest, new Virtual9603Options { InitialSignalBars = 0 });
        var batch = TestBatches.Build(ingest.GatewayId, _sequence, _prefix, 1, 5, 1, seed: 3);

        var sending = rig.Link.SendAsync(batch, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (rig.Modem.Modem.SignalQueries < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, rig.Modem.Modem.Sessions);
        rig.Modem.Modem.SetSignalBars(1);
        var queries = rig.Modem.Modem.SignalQueries;
        while (rig.Modem.Modem.SignalQueries < queries + 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, rig.Modem.Modem.Sessions); // 1 bar is still below the 2 Iridium recommends
        rig.Modem.Modem.SetSignalBars(3);
        var result = await sending;

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.All(rig.Modem.Modem.SessionStatuses, s => Assert.NotEqual(SbdMoStatus.NoNetworkService, s));
    }

    [Fact]
    public async Task SendAsync_AccessDeniedAfterTwoFragments_TransientThenResumesAtThirdFragment()
    {
        // Status 15 (access denied) is not worth retrying at once: the send gives up; the next send of the same
        // batch starts at the first fragment the Iridium gateway did not take.
        await using var rig = new LinkRig(ingest, new Virtual9603Options { FailureRate = 0 });
        var batch = TestBatches.Build(ingest.GatewayId, _sequence, _prefix, 2, 200, 1, seed: 4);
        var fragments = (batch.Body.Length + 333) / 334;
        Assert.True(fragments >= 3);
        rig.Modem.Modem.MoReceived += (_, m) =>
        {
            if (m.Momsn == 1)
            {
                rig.Modem.Modem.FailNextSessions(1, 15);
            }
        };

        var failed = await rig.Link.SendAsync(batch, CancellationToken.None);
        Assert.Equal(LinkOutcome.Transient, failed.Outcome);
        Assert.Contains("access denied", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(LinkState.Down, rig.Link.Health.State);
        Assert.Equal(2, rig.Modem.Modem.MoDelivered);

        var result = await rig.Link.SendAsync(batch, CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.Equal(fragments, rig.Modem.Modem.MoDelivered);
        Assert.Equal(0, rig.Endpoint.Reassembler.Duplicates);
        Assert.Equal([_sequence], rig.Endpoint.Posted);
    }

    [Fact]
    public async Task SendAsync_IngestRefusesWrongGateway_Refused()
    {
        await using var rig = new LinkRig(ingest, new Virtual9603Options());
        var batch = TestBatches.Build("gw-someone-else", _sequence, _prefix, 1, 5, 1, seed: 6);

        var result = await rig.Link.SendAsync(batch, CancellationToken.None);

        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.Empty(rig.Endpoint.Posted);
    }
}
