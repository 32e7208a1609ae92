using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>
/// The SAS token written out by hand from "Control access to IoT Hub with shared access signatures" (Security token
/// structure), independently of <c>IotHubSas</c>: percent-encoding with <see cref="Uri.EscapeDataString(string)"/> (the product
/// uses WebUtility.UrlEncode), HMAC-SHA256 over "{encoded uri}\n{expiry}" keyed with the decoded key.
/// </summary>
internal static class ExpectedSas
{
    public static string Token(string hostName, string deviceId, string base64Key, DateTimeOffset expiresAt)
    {
        var sr = Uri.EscapeDataString($"{hostName}/devices/{deviceId}");
        var se = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.UTF8.GetBytes(sr + "\n" + se));
        return $"SharedAccessSignature sr={sr}&sig={Uri.EscapeDataString(Convert.ToBase64String(mac))}&se={se}";
    }
}
