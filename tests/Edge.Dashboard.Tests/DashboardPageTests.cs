using Edge.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Edge.Dashboard.Tests;

/// <summary>The page's shell: served by the ingest, a legend in words, a refused key said plainly.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private string _dataDir = "";

    public Task InitializeAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("edge-dashboard-").FullName;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return Task.CompletedTask;
    }

    [ChromiumFact]
    public async Task Page_WrongKeyInFragment_LegendInWordsRefusalShownKeyLeavesTheAddressBar()
    {
        await using var ingest = await IngestServer.StartAsync(_dataDir);
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        var external = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(ingest.Url, StringComparison.Ordinal))
            {
                external.Add(r.Url);
            }
        };

        await page.GotoAsync($"{ingest.Url}/dashboard/#key=not-a-key");

        // Every status has its words in the legend, not only a colour.
        await Assertions.Expect(page.Locator("#legend li")).ToHaveTextAsync(
            ["Normal", "Suspected outage", "Restoring", "Restored", "Communications lost", "Unknown"]);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("error", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#connection")).ToContainTextAsync("Area status:");
        Assert.DoesNotContain("not-a-key", page.Url, StringComparison.Ordinal);
        Assert.Empty(external); // no CDN, no tile server, nothing but the ingest
    }
}
