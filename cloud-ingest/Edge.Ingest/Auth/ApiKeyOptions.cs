namespace Edge.Ingest.Auth;

/// <summary>One configured API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The secret the caller sends in the <c>X-Api-Key</c> header.</summary>
    public string Key { get; set; } = "";

    /// <summary>What the key may do; configured as <c>gateway</c>, <c>waterworks</c> (or its alias <c>reader</c>), <c>disaster</c>, <c>welfare</c> or <c>admin</c>.</summary>
    public CallerRole? Role { get; set; }

    /// <summary>The gateway a <see cref="CallerRole.Gateway"/> key belongs to; batches must carry this id.</summary>
    public string? GatewayId { get; set; }
}
