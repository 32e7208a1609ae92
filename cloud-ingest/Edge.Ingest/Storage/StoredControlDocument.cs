namespace Edge.Ingest.Storage;

/// <summary>A stored desired or reported document.</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="Version">Desired: its version; reported: the version the gateway applied.</param>
/// <param name="Json">The document as stored (compact JSON).</param>
/// <param name="By">Desired: the role that set it; reported: how it arrived (<c>ip</c>, <c>satellite</c>).</param>
/// <param name="At">When it was stored.</param>
public sealed record StoredControlDocument(string GatewayId, long Version, string Json, string By, DateTimeOffset At);
