namespace Edge.Ingest.Auth;

/// <summary>What an authenticated caller may do (DESIGN.md, "Ingest promises" 5).</summary>
public enum CallerRole
{
    /// <summary>A field gateway: posts batches for its own gateway id only.</summary>
    Gateway,

    /// <summary>Reads meter readings and statistics.</summary>
    Reader,

    /// <summary>Everything a reader may do, plus administration (later).</summary>
    Admin,
}
