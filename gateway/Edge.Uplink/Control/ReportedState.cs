namespace Edge.Uplink.Control;

/// <summary>What a gateway reports about its configuration (CONTROL.md): <c>PUT /v1/gateways/{id}/reported</c> or an MO message.</summary>
/// <param name="GatewayId">The reporting gateway.</param>
/// <param name="AppliedVersion">Version of the desired document in force (0: none yet, the gateway's own configuration).</param>
/// <param name="DisasterMode">Disaster mode in effect (any source).</param>
/// <param name="Sources">Sources that say on: <c>cloud</c>, <c>file</c>, <c>gpio</c>, <c>seismic</c>.</param>
/// <param name="At">When the state was last changed.</param>
/// <param name="RejectedVersion">The last document that was refused, or null.</param>
/// <param name="RejectedReason">Why it was refused, or null.</param>
public sealed record ReportedState(
    string GatewayId,
    long AppliedVersion,
    bool DisasterMode,
    IReadOnlyList<string> Sources,
    DateTimeOffset At,
    long? RejectedVersion,
    string? RejectedReason);
