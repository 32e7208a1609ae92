using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class InMemoryDeviceRegistryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UpsertAsync_NewThenSame_CreatedThenUpdated()
    {
        var registry = new InMemoryDeviceRegistry();

        var first = await registry.UpsertAsync(Registrations.Meter("wm-1"), None);
        var second = await registry.UpsertAsync(Registrations.Meter("wm-1", gatewayId: "gw-9"), None);

        Assert.True(first.Succeeded && first.Created);
        Assert.True(second.Succeeded && !second.Created);
        Assert.Equal("gw-9", (await registry.FindAsync("wm-1", None))!.GatewayId);
    }

    [Fact]
    public async Task UpsertAsync_Invalid_ErrorsAndNothingStored()
    {
        var registry = new InMemoryDeviceRegistry();

        var result = await registry.UpsertAsync(Registrations.Meter("wm-1") with { Meter = null }, None);

        Assert.False(result.Succeeded);
        Assert.Equal("$.meter", Assert.Single(result.Errors).Path);
        Assert.Null(await registry.FindAsync("wm-1", None));
    }

    [Fact]
    public async Task ListByAreaAsync_TwoAreas_OnlyThatAreaOrderedById()
    {
        var registry = new InMemoryDeviceRegistry();
        await registry.UpsertAsync(Registrations.Meter("wm-b", area: "13101"), None);
        await registry.UpsertAsync(Registrations.Meter("wm-a", area: "131016"), None);
        await registry.UpsertAsync(Registrations.Meter("wm-c", area: "13104"), None);

        var chiyoda = await registry.ListByAreaAsync(AreaCode.Parse("13101"), None);

        Assert.Equal(["wm-a", "wm-b"], chiyoda.Select(d => d.DeviceId));
        Assert.Equal(["wm-a", "wm-b", "wm-c"], (await registry.ListAsync(None)).Select(d => d.DeviceId));
    }

    [Fact]
    public async Task RemoveAsync_RegisteredThenAgain_TrueThenFalse()
    {
        var registry = new InMemoryDeviceRegistry();
        await registry.UpsertAsync(Registrations.Meter("wm-1"), None);

        Assert.True(await registry.RemoveAsync("wm-1", None));
        Assert.False(await registry.RemoveAsync("wm-1", None));
        Assert.Empty(await registry.FindManyAsync(["wm-1"], None));
    }

    [Fact]
    public void FromSeed_InvalidDeviceBuiltInCode_ThrowsListingThePath()
    {
        var seed = new RegistrySeed([Registrations.Meter(), Registrations.Meter("wm-2") with { Meter = null }]);

        var ex = Assert.Throws<ArgumentException>(() => InMemoryDeviceRegistry.FromSeed(seed));

        Assert.Contains("$.devices[1].meter:", ex.Message, StringComparison.Ordinal);
    }
}
