using System.Net;

namespace Edge.Gateway.Diagnostics;

/// <summary>Problems with <see cref="HealthOptions"/>, in the words of <c>GatewayOptionsValidator</c>.</summary>
internal static class HealthOptionsCheck
{
    public static void Validate(HealthOptions health, List<string> errors)
    {
        if (health.Port is < 0 or > 65535)
        {
            errors.Add($"Edge:Gateway:Health:Port {health.Port} is not a TCP port");
        }

        if (!IPAddress.TryParse(health.BindAddress, out _))
        {
            errors.Add($"Edge:Gateway:Health:BindAddress '{health.BindAddress}' is not an IP address");
        }

        if (health.ProbeInterval <= TimeSpan.Zero)
        {
            errors.Add("Edge:Gateway:Health:ProbeInterval must be positive");
        }

        if (health.ProbeTimeout <= TimeSpan.Zero)
        {
            errors.Add("Edge:Gateway:Health:ProbeTimeout must be positive");
        }

        if (health.StoreStatsMaxAge < TimeSpan.Zero)
        {
            errors.Add("Edge:Gateway:Health:StoreStatsMaxAge must not be negative");
        }
    }
}
