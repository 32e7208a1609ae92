namespace Edge.Ingest.Registry;

/// <summary>The devices of a seed file, all valid (see <see cref="RegistrySeedReader"/>).</summary>
/// <param name="Devices">The registrations, in file order.</param>
public sealed record RegistrySeed(IReadOnlyList<DeviceRegistration> Devices);
