namespace Edge.Uplink.Control;

/// <summary>Settings the cloud may change; every member is optional (null: the gateway's own configuration).</summary>
/// <param name="SamplingSeconds">How often the devices the gateway serves take a reading.</param>
/// <param name="ReportingSeconds">How often they send what they took (at least the sampling interval).</param>
/// <param name="Classes">Per store class (<c>alarm</c>, <c>status</c>, <c>reading</c>, <c>backfill</c>): TTL and share.</param>
/// <param name="Links">Per link name (<c>5g</c>, <c>iridium</c>, ...): policy overrides.</param>
public sealed record ControlProfile(
    int? SamplingSeconds,
    int? ReportingSeconds,
    IReadOnlyDictionary<string, ClassSetting> Classes,
    IReadOnlyDictionary<string, LinkOverride> Links);
