namespace Edge.Gateway.Tests.Deploy;

/// <summary>Paths in the checkout the tests run from (found upwards from the test assembly by Edge.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Deploy => Path.Combine(Root, "gateway", "deploy");

    public static string Unit => Path.Combine(Deploy, "edge-gateway.service");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Edge.sln above " + AppContext.BaseDirectory);
    }
}
