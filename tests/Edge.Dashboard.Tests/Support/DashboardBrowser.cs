using Microsoft.Playwright;

namespace Edge.Dashboard.Tests.Support;

/// <summary>
/// Headless Debian Chromium driven by Playwright: launched from <see cref="ChromiumPath"/> through
/// <c>ExecutablePath</c> (Playwright's own browser download never runs: it cannot work here), with a fresh user-data
/// folder that is deleted afterwards, and no background or component-update traffic.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>Debian's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private DashboardBrowser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>Whether the tests run under CI (env CI=true), where a missing browser is a failure.</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The browser context (one persistent profile).</summary>
    public IBrowserContext Context { get; }

    /// <summary>Launches the browser.</summary>
    public static async Task<DashboardBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; .ci/run installs Debian's chromium package.");
        }

        // Belt and braces: nothing in this process may make Playwright fetch a browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var profile = Directory.CreateTempSubdirectory("edge-dashboard-profile-").FullName;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
                ViewportSize = new ViewportSize { Width = 1400, Height = 1100 },
                Timeout = 60_000,
            });
            return new DashboardBrowser(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    /// <summary>Where screenshots go: TestResults/dashboard under the repository root (or the test output folder).</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? AppContext.BaseDirectory;
        var folder = Directory.CreateDirectory(Path.Combine(root, "TestResults", "dashboard")).FullName;
        return Path.Combine(folder, name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile for a moment; the temp folder is left to the OS.
        }
    }
}
