using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class DeviceAdmissionTests
{
    [Fact]
    public void Decide_DeviceOfThisGateway_Accept()
    {
        var decision = DeviceAdmission.Decide("gw-1", "wm-1", Registrations.Meter("wm-1", "gw-1"));

        Assert.Equal(new WriteDecision("wm-1", WriteOutcome.Accept, null), decision);
    }

    [Fact]
    public void Decide_UnregisteredDevice_QuarantineWithReason()
    {
        var decision = DeviceAdmission.Decide("gw-1", "wm-404", null);

        Assert.Equal(WriteOutcome.QuarantineUnknown, decision.Outcome);
        Assert.Contains("'wm-404' is not registered", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeviceOfAnotherGateway_RefuseWithoutNamingTheOwner()
    {
        var decision = DeviceAdmission.Decide("gw-1", "wm-1", Registrations.Meter("wm-1", "gw-secret"));

        Assert.Equal(WriteOutcome.RefuseOtherGateway, decision.Outcome);
        Assert.Contains("registered to another gateway, not to 'gw-1'", decision.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("gw-secret", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GatewayIdDiffersInCase_Refuse()
    {
        Assert.Equal(WriteOutcome.RefuseOtherGateway, DeviceAdmission.Decide("GW-1", "wm-1", Registrations.Meter("wm-1", "gw-1")).Outcome);
    }

    [Fact]
    public async Task DecideAsync_MixedBatch_OneDecisionPerDistinctDevice()
    {
        var registry = new InMemoryDeviceRegistry();
        await registry.UpsertAsync(Registrations.Meter("wm-1", "gw-1"), CancellationToken.None);
        await registry.UpsertAsync(Registrations.Meter("wm-2", "gw-2"), CancellationToken.None);

        var decisions = await DeviceAdmission.DecideAsync(registry, "gw-1", ["wm-1", "wm-2", "wm-3", "wm-1"], CancellationToken.None);

        Assert.Equal(3, decisions.Count);
        Assert.Equal(WriteOutcome.Accept, decisions["wm-1"].Outcome);
        Assert.Equal(WriteOutcome.RefuseOtherGateway, decisions["wm-2"].Outcome);
        Assert.Equal(WriteOutcome.QuarantineUnknown, decisions["wm-3"].Outcome);
    }
}
