using Edge.Ingest.Json;

namespace Edge.Ingest.Registry;

/// <summary>The result of <see cref="IDeviceRegistry.UpsertAsync"/>.</summary>
/// <param name="Created">True when the device was new, false when it replaced a registration.</param>
/// <param name="Errors">Validation errors; when any, nothing was written.</param>
public sealed record RegistryWriteResult(bool Created, IReadOnlyList<JsonPathError> Errors)
{
    /// <summary>Whether the registration was written.</summary>
    public bool Succeeded => Errors.Count == 0;
}
