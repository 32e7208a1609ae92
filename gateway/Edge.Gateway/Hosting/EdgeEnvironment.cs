using System.Collections;

namespace Edge.Gateway.Hosting;

/// <summary>
/// Maps environment variables <c>EDGE_X__Y</c> to configuration keys <c>Edge:X:Y</c> (keys are case-insensitive),
/// so a systemd unit can say <c>Environment=EDGE_GATEWAY__DATADIR=/var/lib/edge</c>.
/// </summary>
internal static class EdgeEnvironment
{
    private const string Prefix = "EDGE_";

    public static Dictionary<string, string?> Read(IDictionary variables)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                settings["Edge:" + name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }

        return settings;
    }
}
