namespace Edge.Dashboard.Tests.Support;

/// <summary>
/// A fact that needs Debian's Chromium: skipped with the reason when <c>/usr/bin/chromium</c> is missing, except under
/// CI (env CI=true), where the test runs and fails, so CI never passes by skipping (.ci/run installs <c>chromium</c>).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when Chromium is missing outside CI.</summary>
    public ChromiumFactAttribute()
    {
        if (!File.Exists(DashboardBrowser.ChromiumPath) && !DashboardBrowser.UnderCi)
        {
            Skip = $"{DashboardBrowser.ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium) to run the dashboard tests.";
        }
    }
}
