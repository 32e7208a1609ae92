namespace Edge.Gateway.Uplink;

/// <summary>The cloud ingest that batches are posted to (<c>Edge:Gateway:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>Base address of the ingest, e.g. <c>https://ingest.example/</c>; empty keeps everything in the store.</summary>
    public string Url { get; set; } = "";

    /// <summary>The gateway's API key, sent as <c>X-Api-Key</c>.</summary>
    public string ApiKey { get; set; } = "";
}
