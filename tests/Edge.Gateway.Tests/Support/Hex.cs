namespace Edge.Gateway.Tests.Support;

/// <summary>Bytes from hex written by hand (spaces allowed for readability).</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
