namespace Edge.Ingest.Registry;

/// <summary>The ownership rule: a gateway writes only for devices registered to it; unknown devices are quarantined.</summary>
public static class DeviceAdmission
{
    /// <summary>Decides for one device, given its registration (null when not registered).</summary>
    public static WriteDecision Decide(string gatewayId, string deviceId, DeviceRegistration? registration)
    {
        ArgumentNullException.ThrowIfNull(gatewayId);
        ArgumentNullException.ThrowIfNull(deviceId);
        if (registration is null)
        {
            return new WriteDecision(deviceId, WriteOutcome.QuarantineUnknown,
                $"Device {DetailText.Quote(deviceId)} is not registered; its readings are quarantined until an operator registers it.");
        }

        return string.Equals(registration.GatewayId, gatewayId, StringComparison.Ordinal)
            ? new WriteDecision(deviceId, WriteOutcome.Accept, null)
            : new WriteDecision(deviceId, WriteOutcome.RefuseOtherGateway,
                $"Device {DetailText.Quote(deviceId)} is registered to another gateway, not to {DetailText.Quote(gatewayId)}.");
    }

    /// <summary>Decides for every distinct device of a batch with one registry look-up.</summary>
    public static async ValueTask<IReadOnlyDictionary<string, WriteDecision>> DecideAsync(
        IDeviceRegistry registry, string gatewayId, IEnumerable<string> deviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(deviceIds);
        var distinct = deviceIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await registry.FindManyAsync(distinct, cancellationToken);
        return distinct.ToDictionary(
            id => id,
            id => Decide(gatewayId, id, found.TryGetValue(id, out var registration) ? registration : null),
            StringComparer.Ordinal);
    }
}
