using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Storage;

/// <summary>Desired and reported gateway configuration, on every store.</summary>
public abstract partial class IngestStoreContract
{
    private static readonly DateTimeOffset _at = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    private IGatewayControlStore Control => (IGatewayControlStore)Store;

    [Fact]
    public async Task PutDesiredAsync_HigherVersion_ReplacesLowerOrEqualRefusedAndKept()
    {
        Assert.Null(await Control.GetDesiredAsync("gw-a", default));

        Assert.True(await Control.PutDesiredAsync("gw-a", 2, """{"version":2}""", "admin", _at, default));
        Assert.False(await Control.PutDesiredAsync("gw-a", 2, """{"version":2,"x":1}""", "disaster", _at.AddMinutes(1), default));
        Assert.False(await Control.PutDesiredAsync("gw-a", 1, """{"version":1}""", "disaster", _at.AddMinutes(2), default));
        var kept = await Control.GetDesiredAsync("gw-a", default);
        Assert.Equal((2L, """{"version":2}""", "admin", _at), (kept!.Version, kept.Json, kept.By, kept.At));

        Assert.True(await Control.PutDesiredAsync("gw-a", 3, """{"version":3}""", "disaster", _at.AddMinutes(3), default));
        Assert.Equal((3L, "disaster"), ((await Control.GetDesiredAsync("gw-a", default))!.Version, (await Control.GetDesiredAsync("gw-a", default))!.By));
        Assert.Null(await Control.GetDesiredAsync("gw-b", default));
    }

    [Fact]
    public async Task PutReportedAsync_Twice_LatestKeptPerGateway()
    {
        await Control.PutReportedAsync("gw-a", 1, """{"r":1}""", "ip", _at, default);
        await Control.PutReportedAsync("gw-a", 3, """{"r":2}""", "satellite", _at.AddMinutes(5), default);
        await Control.PutReportedAsync("gw-b", 0, """{"r":3}""", "ip", _at, default);

        var a = await Control.GetReportedAsync("gw-a", default);
        Assert.Equal((3L, """{"r":2}""", "satellite", _at.AddMinutes(5)), (a!.Version, a.Json, a.By, a.At));
        Assert.Equal(0, (await Control.GetReportedAsync("gw-b", default))!.Version);
        Assert.Null(await Control.GetReportedAsync("gw-c", default));
    }

    [Fact]
    public async Task ControlTables_SecondStoreOnTheSameDatabase_SeesTheDocument()
    {
        await Control.PutDesiredAsync("gw-a", 5, """{"version":5}""", "admin", _at, default);

        var reopened = (IGatewayControlStore)OpenStore();

        Assert.Equal(5, (await reopened.GetDesiredAsync("gw-a", default))!.Version);
    }
}
