using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>
/// IoT Hub shared access signature tokens, after Microsoft's "Control access to IoT Hub with shared access
/// signatures" (section "Security token structure"):
/// <c>SharedAccessSignature sr={URL-encoded-resourceURI}&amp;sig={signature}&amp;se={expiry}[&amp;skn={policyName}]</c>, where the
/// signature is the base64 HMAC-SHA256, keyed with the base64-decoded key, of <c>{URL-encoded-resourceURI} + "\n" + expiry</c>,
/// itself URL-encoded. URL encoding is <see cref="WebUtility.UrlEncode(string)"/>, as in the page's C# sample.
/// </summary>
public static class IotHubSas
{
    /// <summary>The resource a device's token is scoped to: <c>{hostName}/devices/{deviceId}</c> (page section "Use a symmetric key in the identity registry").</summary>
    public static string DeviceResourceUri(string hostName, string deviceId) => $"{hostName}/devices/{deviceId}";

    /// <summary>
    /// A token for <paramref name="resourceUri"/> valid until <paramref name="expiresAt"/> (whole seconds since the Unix
    /// epoch), signed with <paramref name="base64Key"/>; <paramref name="policyName"/> (<c>skn</c>) only for a shared access
    /// policy key, empty for a device key.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not base64 or is empty, or the resource URI is empty.</exception>
    public static string CreateToken(string resourceUri, string base64Key, string policyName, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceUri);
        var key = DecodeKey(base64Key);
        var encodedUri = WebUtility.UrlEncode(resourceUri);
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(key, encodedUri + "\n" + expiry);
        var token = $"SharedAccessSignature sr={encodedUri}&sig={WebUtility.UrlEncode(signature)}&se={expiry}";
        return string.IsNullOrEmpty(policyName) ? token : token + "&skn=" + WebUtility.UrlEncode(policyName);
    }

    /// <summary>True when <paramref name="base64Key"/> is a non-empty base64 string.</summary>
    public static bool IsValidKey(string base64Key)
    {
        var buffer = new byte[base64Key.Length];
        return base64Key.Length > 0 && Convert.TryFromBase64String(base64Key, buffer, out var written) && written > 0;
    }

    /// <summary>Base64 HMAC-SHA256 of the UTF-8 <paramref name="stringToSign"/> keyed with <paramref name="key"/>.</summary>
    internal static string Sign(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    private static byte[] DecodeKey(string base64Key)
    {
        if (!IsValidKey(base64Key ?? ""))
        {
            throw new ArgumentException("the shared access key must be a non-empty base64 string", nameof(base64Key));
        }

        return Convert.FromBase64String(base64Key!);
    }
}
