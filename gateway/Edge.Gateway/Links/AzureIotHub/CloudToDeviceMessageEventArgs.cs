namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>A cloud-to-device message received on <c>devices/{device-id}/messages/devicebound/{property_bag}</c>.</summary>
/// <param name="topic">The topic as received.</param>
/// <param name="properties">The property bag, decoded; a property sent without <c>=</c> has a null value.</param>
/// <param name="payload">The message body.</param>
public sealed class CloudToDeviceMessageEventArgs(string topic, IReadOnlyDictionary<string, string?> properties, ReadOnlyMemory<byte> payload) : EventArgs
{
    /// <summary>The topic as received.</summary>
    public string Topic { get; } = topic;

    /// <summary>System (<c>$.mid</c>, <c>$.to</c>, ...) and application properties.</summary>
    public IReadOnlyDictionary<string, string?> Properties { get; } = properties;

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Payload { get; } = payload;
}
