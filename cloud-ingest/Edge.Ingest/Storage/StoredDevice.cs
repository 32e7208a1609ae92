namespace Edge.Ingest.Storage;

/// <summary>A row of the <c>devices</c> table.</summary>
/// <param name="DeviceId">Device id (key).</param>
/// <param name="GatewayId">Owning gateway.</param>
/// <param name="Kind">Kind name, e.g. <c>water-meter</c>.</param>
/// <param name="AreaCode">Five-digit JIS X 0402 code.</param>
/// <param name="Document">The whole registration as a JSON document (<see cref="Registry.DeviceDocument"/>).</param>
/// <param name="Revision">
/// Set by the store at every write of the device, never reused (<see cref="IRegistryStore.GetDeviceRevisionsAsync"/>);
/// ignored when writing.
/// </param>
public sealed record StoredDevice(string DeviceId, string GatewayId, string Kind, string AreaCode, string Document, long Revision = 0);
