using System.Security.Cryptography;
using System.Text;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Southbound;

/// <summary>Checks a device's MQTT username (its id) and password against the configured devices.</summary>
internal sealed class DeviceAuthenticator
{
    private readonly Dictionary<string, byte[]> _passwordHashes;

    public DeviceAuthenticator(IOptions<GatewayOptions> options)
    {
        _passwordHashes = options.Value.Devices.ToDictionary(d => d.Id, d => Hash(d.Password), StringComparer.Ordinal);
    }

    public bool IsValid(string? deviceId, string? password)
    {
        if (deviceId is null || password is null || !_passwordHashes.TryGetValue(deviceId, out var expected))
        {
            return false;
        }

        // Compare hashes in constant time: neither content nor length of the password leaks through timing.
        return CryptographicOperations.FixedTimeEquals(Hash(password), expected);
    }

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
