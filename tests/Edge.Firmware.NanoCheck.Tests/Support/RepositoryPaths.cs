using System.Reflection;

namespace Edge.Firmware.NanoCheck.Tests.Support;

/// <summary>Paths inside this repository, found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds Edge.sln.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Edge.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException("No Edge.sln above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The firmware assembly that Edge.Firmware.NanoCheck built in this test's configuration.</summary>
    public static string NanoFirmwareAssembly
    {
        get
        {
            string configuration = typeof(RepositoryPaths).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Configuration").Value!;
            return Path.Combine(
                Root, "firmware", "Edge.Firmware.NanoCheck", "bin", configuration, "netstandard2.0", "Edge.Firmware.Nano.dll");
        }
    }
}
