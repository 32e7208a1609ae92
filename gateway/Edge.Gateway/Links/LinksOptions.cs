using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Links;

/// <summary>The gateway's links (<c>Edge:Gateway:Links</c>). Without any, batches go over HTTP to <c>Ingest:Url</c>.</summary>
public sealed class LinksOptions
{
    /// <summary>The Iridium SBD link; used instead of HTTP when its <see cref="IridiumLinkOptions.Port"/> is set.</summary>
    public IridiumLinkOptions Iridium { get; set; } = new();
}
