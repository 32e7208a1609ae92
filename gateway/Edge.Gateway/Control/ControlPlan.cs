using Edge.Gateway.Store;

namespace Edge.Gateway.Control;

/// <summary>The configuration in force, computed whole before anything changes (<see cref="ControlPlanner"/>).</summary>
/// <param name="AppliedVersion">Version of the desired document it came from (0: none, the gateway's own configuration).</param>
/// <param name="DisasterMode">Disaster mode in effect.</param>
/// <param name="Sources">Sources that say on, e.g. <c>cloud</c>, <c>file</c>.</param>
/// <param name="SamplingSeconds">Device sampling interval.</param>
/// <param name="ReportingSeconds">Device reporting interval.</param>
/// <param name="Store">Store limits (TTLs, shares).</param>
/// <param name="Links">Per link name: the policy override and whether it counts against a separate (emergency) budget; links not listed use their own policy.</param>
public sealed record ControlPlan(
    long AppliedVersion,
    bool DisasterMode,
    IReadOnlyList<string> Sources,
    int SamplingSeconds,
    int ReportingSeconds,
    StoreOptions Store,
    IReadOnlyDictionary<string, LinkOverridePlan> Links);
