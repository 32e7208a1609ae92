using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Store;

/// <summary>
/// The store limits in force: <see cref="GatewayOptions.Store"/>, or what the configuration in force (disaster mode,
/// desired document; <c>Control/</c>) puts in its place. Swapped as one object, so eviction and expiry never see half
/// of a change.
/// </summary>
public sealed class StoreLimits(IOptions<GatewayOptions> options)
{
    private StoreOptions? _current;

    /// <summary>The limits in force.</summary>
    public StoreOptions Current => Volatile.Read(ref _current) ?? options.Value.Store;

    /// <summary>The limits of the gateway's configuration.</summary>
    public StoreOptions Configured => options.Value.Store;

    /// <summary>Puts <paramref name="store"/> in force (null: back to the configured limits).</summary>
    public void Set(StoreOptions? store) => Volatile.Write(ref _current, store);
}
