namespace Edge.Firmware.Tests.Crypto;

/// <summary>Hex as the standards print it: groups separated by spaces.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
