using System.Diagnostics;
using System.Text;
using Edge.Gateway.Links.AzureIotHub;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>
/// SAS tokens after Microsoft's "Control access to IoT Hub with shared access signatures" (learn.microsoft.com,
/// azure/iot-hub/iot-hub-dev-guide-sas). Its worked examples show the inputs and the token's shape but elide the key
/// ("..."), so the signature is checked against OpenSSL's HMAC-SHA256 over the documented string to sign, and the
/// HMAC itself against RFC 4231's known answers.
/// </summary>
public sealed class IotHubSasTests
{
    // 32 key bytes 0x00..0x1f: any device key; the page's own key is not published.
    private const string KeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    // The page's example: endpoint "myhub.azure-devices.net/devices/device1", se=1456971697.
    private static readonly DateTimeOffset ExampleExpiry = DateTimeOffset.FromUnixTimeSeconds(1456971697);

    [Fact]
    public void Sign_Rfc4231TestCase2_MatchesKnownAnswer()
    {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
        var expected = Convert.ToBase64String(Convert.FromHexString("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        Assert.Equal(expected, IotHubSas.Sign(Encoding.ASCII.GetBytes("Jefe"), "what do ya want for nothing?"));
    }

    [Fact]
    public void Sign_Rfc4231TestCase6_KeyLongerThanBlock_MatchesKnownAnswer()
    {
        // RFC 4231 §4.7: 131 bytes of 0xaa, "Test Using Larger Than Block-Size Key - Hash Key First".
        var key = Enumerable.Repeat((byte)0xaa, 131).ToArray();
        var expected = Convert.ToBase64String(Convert.FromHexString("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
        Assert.Equal(expected, IotHubSas.Sign(key, "Test Using Larger Than Block-Size Key - Hash Key First"));
    }

    [Fact]
    public async Task CreateToken_DocumentedDeviceExample_MatchesOpenSslSignature()
    {
        var key = Convert.ToBase64String(Convert.FromHexString(KeyHex));

        var token = IotHubSas.CreateToken("myhub.azure-devices.net/devices/device1", key, "", ExampleExpiry);

        // The page: "SharedAccessSignature sr=myhub.azure-devices.net%2fdevices%2fdevice1&sig=...&se=1456971697" (no skn for a device key).
        var fields = Fields(token);
        Assert.StartsWith("SharedAccessSignature ", token, StringComparison.Ordinal);
        Assert.Equal(["sr", "sig", "se"], fields.Keys);
        Assert.Equal("myhub.azure-devices.net%2fdevices%2fdevice1", fields["sr"], ignoreCase: true);
        Assert.Equal("1456971697", fields["se"]);
        var signed = await OpenSslHmacBase64Async(KeyHex, fields["sr"] + "\n1456971697");
        Assert.Equal(UrlEncodeBase64(signed), fields["sig"]);
    }

    [Fact]
    public void CreateToken_PolicyKey_AppendsSkn()
    {
        var key = Convert.ToBase64String(Convert.FromHexString(KeyHex));

        var token = IotHubSas.CreateToken("myhub.azure-devices.net/devices/device1", key, "device", ExampleExpiry);

        // The page's policy example ends "&se=1456971697&skn=device"; the signature does not depend on skn.
        Assert.EndsWith("&se=1456971697&skn=device", token, StringComparison.Ordinal);
        Assert.Equal(Fields(IotHubSas.CreateToken("myhub.azure-devices.net/devices/device1", key, "", ExampleExpiry))["sig"], Fields(token)["sig"]);
    }

    [Fact]
    public void CreateToken_MatchesHandWrittenComposition()
    {
        var key = Convert.ToBase64String(Convert.FromHexString(KeyHex));
        Assert.Equal(
            ExpectedSas.Token("contoso.azure-devices.net", "MyDevice01", key, ExampleExpiry),
            IotHubSas.CreateToken(IotHubSas.DeviceResourceUri("contoso.azure-devices.net", "MyDevice01"), key, "", ExampleExpiry));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    public void CreateToken_BadKey_ThrowsArgumentException(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => IotHubSas.CreateToken("h/devices/d", key, "", ExampleExpiry));
        Assert.Contains("base64", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Fields(string token) =>
        token["SharedAccessSignature ".Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    // RFC 3986 percent-encoding of the three base64 characters that are not unreserved.
    private static string UrlEncodeBase64(string base64) => base64.Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal);

    private static async Task<string> OpenSslHmacBase64Async(string keyHex, string data)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + keyHex, "-binary" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start (.ci/run installs it)");
        await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(data));
        process.StandardInput.Close();
        using var mac = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(mac);
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal(32, mac.Length);
        return Convert.ToBase64String(mac.ToArray());
    }
}
