namespace Edge.Benchmarks.GatewayIngest;

/// <summary>Which file system a path lives on (from <c>/proc/mounts</c>; "unknown" elsewhere).</summary>
internal static class MountInfo
{
    /// <summary>E.g. <c>ext4 on /dev/vda mounted at /</c>.</summary>
    public static string Describe(string path)
    {
        const string Mounts = "/proc/mounts";
        if (!File.Exists(Mounts))
        {
            return "unknown file system";
        }

        var full = Path.GetFullPath(path);
        string[]? best = null;
        foreach (var line in File.ReadLines(Mounts))
        {
            var fields = line.Split(' ');
            if (fields.Length < 3)
            {
                continue;
            }

            var mountPoint = fields[1].Replace("\\040", " ", StringComparison.Ordinal);
            var contains = mountPoint == "/" || full == mountPoint || full.StartsWith(mountPoint + "/", StringComparison.Ordinal);
            if (contains && (best is null || mountPoint.Length >= best[1].Length))
            {
                best = [fields[0], mountPoint, fields[2]];
            }
        }

        return best is null ? "unknown file system" : $"{best[2]} on {best[0]} mounted at {best[1]}";
    }
}
