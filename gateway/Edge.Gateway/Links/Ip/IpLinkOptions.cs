using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Links.Ip;

/// <summary>An HTTP(S) link to the ingest through one network interface (<c>Edge:Gateway:Links:Ip:N</c>).</summary>
public sealed class IpLinkOptions
{
    /// <summary>Name for logs, metrics and the budget table, e.g. <c>5g</c> or <c>starlink</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Network interface the sockets are bound to, e.g. <c>wwan0</c>; empty: the system's routing decides.</summary>
    public string Interface { get; set; } = "";

    /// <summary>Ingest base address; empty takes <c>Edge:Gateway:Ingest:Url</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>API key; empty takes <c>Edge:Gateway:Ingest:ApiKey</c>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Path of the ingest's health endpoint, fetched as the link's probe.</summary>
    public string ProbePath { get; set; } = "/healthz";

    /// <summary>How often the link is probed while it is down, recovering, or idle.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one request, answer included; 0 takes <c>Edge:Gateway:Uplink:RequestTimeout</c>.</summary>
    public TimeSpan RequestTimeout { get; set; }

    /// <summary>What the link may carry and spend.</summary>
    public LinkPolicyOptions Policy { get; set; } = new();
}
