namespace Edge.Ingest.Registry;

/// <summary>Device registry settings: <c>Edge:Ingest:Registry</c>.</summary>
public sealed class RegistryOptions
{
    /// <summary>
    /// Seed file registered at every start (format: DOMAIN.md, "Device registry seed"), or null for none. A relative
    /// path is resolved against the content root. A seed with any defect stops the service with every defect listed.
    /// </summary>
    public string? SeedFile { get; set; }
}
